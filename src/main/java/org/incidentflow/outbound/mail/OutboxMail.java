package org.incidentflow.outbound.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.incidentflow.incident.IncidentNotice;

/**
 * A notification mail waiting in (or done with) the outbox. Written in the transaction of the change it tells about;
 * its Message-ID is fixed here, so every attempt to send it carries the same one.
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxMail {

	public enum Status { PENDING, SENT, SKIPPED, FAILED }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "incident_number", nullable = false, updatable = false, length = 20)
	private String incidentNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 20)
	private IncidentNotice.Kind kind;

	@Enumerated(EnumType.STRING)
	@Column(name = "audience_type", nullable = false, updatable = false, length = 10)
	private IncidentNotice.Audience audienceType;

	@Column(nullable = false, updatable = false, length = 320)
	private String audience;

	@Column(updatable = false, length = 20000)
	private String detail;

	@Column(name = "message_id", nullable = false, updatable = false, length = 500)
	private String messageId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Status status;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "claimed_until")
	private Instant claimedUntil;

	@Column(name = "sent_at")
	private Instant sentAt;

	@Column(name = "last_error", length = 1000)
	private String lastError;

	protected OutboxMail() {
	}

	public OutboxMail(IncidentNotice notice, String messageId, Instant now) {
		this.incidentNumber = notice.incidentNumber();
		this.kind = notice.kind();
		this.audienceType = notice.audienceType();
		this.audience = notice.audience();
		this.detail = notice.detail() == null || notice.detail().length() <= 20000 ? notice.detail()
				: notice.detail().substring(0, 20000);
		this.messageId = messageId;
		this.status = Status.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	public IncidentNotice notice() {
		return new IncidentNotice(incidentNumber, kind, audienceType, audience, detail);
	}

	/** Sent: done for good. */
	void sent(Instant now) {
		attempts++;
		status = Status.SENT;
		sentAt = now;
		claimedUntil = null;
		lastError = null;
	}

	/** Nothing to send (incident gone, nobody with an address): done for good. */
	void skipped(String reason) {
		status = Status.SKIPPED;
		claimedUntil = null;
		lastError = cut(reason);
	}

	/** A failed attempt: tried again at {@code next}, or left to an administrator when {@code giveUp}. */
	void failed(String error, Instant next, boolean giveUp) {
		attempts++;
		lastError = cut(error);
		nextAttemptAt = next;
		claimedUntil = null;
		if (giveUp) {
			status = Status.FAILED;
		}
	}

	private static String cut(String value) {
		return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
	}

	public Long getId() { return id; }
	public String getIncidentNumber() { return incidentNumber; }
	public String getMessageId() { return messageId; }
	public Status getStatus() { return status; }
	public Instant getCreatedAt() { return createdAt; }
	public int getAttempts() { return attempts; }
	public Instant getNextAttemptAt() { return nextAttemptAt; }
	public Instant getClaimedUntil() { return claimedUntil; }
	public Instant getSentAt() { return sentAt; }
	public String getLastError() { return lastError; }

}
