package org.incidentflow.mail;

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
 * A mail the product read or sent, stored once per Message-ID (unique): a mailbox polled again, by this node or
 * another, never processes a mail twice, and replies thread to their incident through In-Reply-To / References.
 */
@Entity
@Table(name = "mail_message")
public class MailMessage {

	public enum Direction { IN, OUT }

	/** What the intake did with an incoming mail, or {@code SENT} for outgoing mail. */
	public enum Outcome { OPENED, COMMENTED, FOLLOW_UP, SKIPPED, SENT }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "message_id", nullable = false, updatable = false, length = 500)
	private String messageId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 3)
	private Direction direction;

	@Column(name = "incident_id")
	private Long incidentId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Outcome outcome;

	/** Why a mail was skipped (auto-reply, bounce, list mail, own mail). */
	@Column(length = 200)
	private String reason;

	/** Sender of incoming, recipients of outgoing mail. */
	@Column(length = 320)
	private String address;

	@Column(length = 1000)
	private String subject;

	@Column(nullable = false, updatable = false)
	private Instant at;

	protected MailMessage() {
	}

	public MailMessage(String messageId, Direction direction, Outcome outcome, String address, String subject,
			Instant at) {
		this.messageId = messageId;
		this.direction = direction;
		this.outcome = outcome;
		this.address = cut(address, 320);
		this.subject = cut(subject, 1000);
		this.at = at;
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	public Long getId() { return id; }
	public String getMessageId() { return messageId; }
	public Direction getDirection() { return direction; }
	public Long getIncidentId() { return incidentId; }
	public void setIncidentId(Long incidentId) { this.incidentId = incidentId; }
	public Outcome getOutcome() { return outcome; }
	public void setOutcome(Outcome outcome) { this.outcome = outcome; }
	public String getReason() { return reason; }
	public void setReason(String reason) { this.reason = cut(reason, 200); }
	public String getAddress() { return address; }
	public String getSubject() { return subject; }
	public Instant getAt() { return at; }

}
