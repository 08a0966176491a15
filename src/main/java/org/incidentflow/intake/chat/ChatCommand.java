package org.incidentflow.intake.chat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A chat command that opened an incident, stored once per request key (Slack: the command's {@code trigger_id},
 * the same in a retried request), in the transaction that opened the incident: a retry answers with the same
 * incident instead of opening another.
 */
@Entity
@Table(name = "chat_command")
public class ChatCommand {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 20)
	private String platform;

	@Column(name = "request_key", nullable = false, updatable = false, length = 200)
	private String requestKey;

	@Column(name = "incident_number", nullable = false, updatable = false, length = 20)
	private String incidentNumber;

	/** Where the command was given ({@code {team_id}:{channel_id}}), for posting updates back later. */
	@Column(name = "conversation", length = 200, updatable = false)
	private String conversation;

	@Column(name = "received_at", nullable = false, updatable = false)
	private Instant receivedAt;

	protected ChatCommand() {
	}

	public ChatCommand(String platform, String requestKey, String incidentNumber, String conversation, Instant at) {
		this.platform = platform;
		this.requestKey = requestKey;
		this.incidentNumber = incidentNumber;
		this.conversation = conversation;
		this.receivedAt = at;
	}

	public String getIncidentNumber() { return incidentNumber; }
	public String getRequestKey() { return requestKey; }

}
