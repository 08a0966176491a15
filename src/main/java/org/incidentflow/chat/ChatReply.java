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
 * A message waiting in the chat channel of the outbox: a public update of an incident for the conversation it was
 * opened in, or an answer to one user (Slack's {@code response_url}, shown only to that user). Written in the
 * transaction of the change with a unique event id; posted after commit by any node, at least once.
 */
@Entity
@Table(name = "chat_reply")
public class ChatReply {

	public enum Status { PENDING, SENT, FAILED }

	/** What the message is; a resolution carries the buttons to confirm or reject it where the platform has them. */
	public enum Kind { UPDATE, RESOLUTION, ANSWER }

	public static final int TEXT_MAX = 3000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "event_id", nullable = false, updatable = false, length = 60)
	private String eventId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 20)
	private ChatPlatform platform;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 20)
	private Kind kind;

	@Column(name = "incident_number", nullable = false, updatable = false, length = 20)
	private String incidentNumber;

	/** The thread to post in (updates); null for an answer to one user. */
	@Column(name = "conversation_id", updatable = false)
	private Long conversationId;

	/** Where an answer to one user goes. */
	@Column(name = "response_url", length = 2000, updatable = false)
	private String responseUrl;

	@Column(name = "body", nullable = false, updatable = false, length = TEXT_MAX)
	private String text;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Status status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "claimed_until")
	private Instant claimedUntil;

	@Column(name = "sent_at")
	private Instant sentAt;

	@Column(name = "last_error", length = 1000)
	private String lastError;

	protected ChatReply() {
	}

	private ChatReply(String eventId, ChatPlatform platform, Kind kind, String incidentNumber, Long conversationId,
			String responseUrl, String text, Instant now) {
		if (eventId == null || platform == null || kind == null || incidentNumber == null || text == null
				|| text.isBlank()) {
			throw new IllegalArgumentException("a chat reply needs an event id, a platform, an incident and a text");
		}
		this.eventId = eventId;
		this.platform = platform;
		this.kind = kind;
		this.incidentNumber = incidentNumber;
		this.conversationId = conversationId;
		this.responseUrl = responseUrl;
		this.text = text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "…";
		this.status = Status.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	/** A public update for the thread of {@code conversation}. */
	public static ChatReply update(String eventId, ChatConversation conversation, Kind kind, String text,
			Instant now) {
		if (kind == Kind.ANSWER) {
			throw new IllegalArgumentException("an update goes to a conversation, an answer to a user");
		}
		return new ChatReply(eventId, conversation.getPlatform(), kind, conversation.getIncidentNumber(),
				conversation.getId(), null, text, now);
	}

	/** An answer shown only to the user who pressed a button (Slack's {@code response_url}). */
	public static ChatReply answer(String eventId, ChatPlatform platform, String incidentNumber, String responseUrl,
			String text, Instant now) {
		if (responseUrl == null || responseUrl.isBlank() || responseUrl.length() > 2000) {
			throw new IllegalArgumentException("an answer needs a response URL (at most 2000 characters)");
		}
		return new ChatReply(eventId, platform, Kind.ANSWER, incidentNumber, null, responseUrl, text, now);
	}

	public void sent(Instant now) {
		attempts++;
		status = Status.SENT;
		sentAt = now;
		lastError = null;
		claimedUntil = null;
	}

	public void failed(String error, Instant now, Instant next, boolean giveUp) {
		attempts++;
		lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
		nextAttemptAt = next;
		claimedUntil = null;
		if (giveUp) {
			status = Status.FAILED;
		}
	}

	public Long getId() { return id; }
	public String getEventId() { return eventId; }
	public ChatPlatform getPlatform() { return platform; }
	public Kind getKind() { return kind; }
	public String getIncidentNumber() { return incidentNumber; }
	public Long getConversationId() { return conversationId; }
	public String getResponseUrl() { return responseUrl; }
	public String getText() { return text; }
	public Status getStatus() { return status; }
	public int getAttempts() { return attempts; }
	public Instant getCreatedAt() { return createdAt; }
	public Instant getNextAttemptAt() { return nextAttemptAt; }
	public Instant getSentAt() { return sentAt; }
	public String getLastError() { return lastError; }

}
