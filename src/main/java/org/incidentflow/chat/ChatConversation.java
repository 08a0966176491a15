package org.incidentflow.chat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where an incident was opened from chat, so its public updates are posted back there: one row per incident and
 * platform, written in the transaction that opened the incident. On Slack the first reply posted with the bot token
 * starts a thread; its timestamp ({@code thread_ts}) is kept so that later replies go into that thread.
 */
@Entity
@Table(name = "chat_conversation")
public class ChatConversation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "incident_number", nullable = false, updatable = false, length = 20)
	private String incidentNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 20)
	private ChatPlatform platform;

	/** Slack and Mattermost: the team id; Teams: the tenant id. */
	@Column(length = 200, updatable = false)
	private String workspace;

	/** Slack and Mattermost: the channel id; Teams: the conversation id. */
	@Column(nullable = false, length = 200, updatable = false)
	private String channel;

	/** Mattermost: the channel name (incoming webhooks address channels by name). */
	@Column(name = "channel_name", length = 200, updatable = false)
	private String channelName;

	/** Slack: the {@code ts} of the first message posted about the incident, the thread later replies go to. */
	@Column(name = "thread_ref", length = 200)
	private String threadRef;

	/** The command's {@code response_url} (Slack, Mattermost), usable for a short while after the command. */
	@Column(name = "response_url", length = 2000, updatable = false)
	private String responseUrl;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected ChatConversation() {
	}

	public ChatConversation(String incidentNumber, ChatPlatform platform, String workspace, String channel,
			String channelName, String responseUrl, Instant now) {
		if (incidentNumber == null || platform == null || channel == null || channel.isBlank()) {
			throw new IllegalArgumentException("a conversation needs an incident, a platform and a channel");
		}
		this.incidentNumber = incidentNumber;
		this.platform = platform;
		this.workspace = cut(workspace, 200);
		this.channel = cut(channel, 200);
		this.channelName = cut(channelName, 200);
		this.responseUrl = cut(responseUrl, 2000);
		this.createdAt = now;
	}

	/** The first posted message became the thread; it is never moved to another one. */
	public void startedThread(String ref) {
		if (threadRef == null && ref != null && !ref.isBlank()) {
			threadRef = cut(ref, 200);
		}
	}

	private static String cut(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.length() <= max ? text : text.substring(0, max);
	}

	public Long getId() { return id; }
	public String getIncidentNumber() { return incidentNumber; }
	public ChatPlatform getPlatform() { return platform; }
	public String getWorkspace() { return workspace; }
	public String getChannel() { return channel; }
	public String getChannelName() { return channelName; }
	public String getThreadRef() { return threadRef; }
	public String getResponseUrl() { return responseUrl; }
	public Instant getCreatedAt() { return createdAt; }

}
