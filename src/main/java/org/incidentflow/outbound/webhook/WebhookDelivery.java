package org.incidentflow.outbound.webhook;

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
 * One event for one subscription, waiting in (or done with) the webhook outbox. Written in the transaction of the
 * change; its event id ({@code webhook-id}) and body are fixed here, so every attempt carries the same id and bytes
 * and a receiver recognises a retry.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

	public enum Status { PENDING, DELIVERED, FAILED }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subscription_id", nullable = false, updatable = false)
	private Long subscriptionId;

	@Column(name = "event_id", nullable = false, updatable = false, length = 60)
	private String eventId;

	@Column(name = "event_type", nullable = false, updatable = false, length = 60)
	private String eventType;

	@Column(name = "incident_number", nullable = false, updatable = false, length = 20)
	private String incidentNumber;

	@Column(nullable = false, updatable = false, length = 100000)
	private String payload;

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

	@Column(name = "delivered_at")
	private Instant deliveredAt;

	@Column(name = "last_attempt_at")
	private Instant lastAttemptAt;

	@Column(name = "last_status_code")
	private Integer lastStatusCode;

	@Column(name = "last_error", length = 1000)
	private String lastError;

	protected WebhookDelivery() {
	}

	public WebhookDelivery(Long subscriptionId, String eventId, String eventType, String incidentNumber,
			String payload, Instant now) {
		this.subscriptionId = subscriptionId;
		this.eventId = eventId;
		this.eventType = eventType;
		this.incidentNumber = incidentNumber;
		this.payload = payload;
		this.status = Status.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	void delivered(int statusCode, Instant now) {
		attempts++;
		status = Status.DELIVERED;
		deliveredAt = now;
		lastAttemptAt = now;
		lastStatusCode = statusCode;
		lastError = null;
		claimedUntil = null;
	}

	/** A failed attempt: tried again at {@code next}, or given up when {@code giveUp}. */
	void failed(Integer statusCode, String error, Instant now, Instant next, boolean giveUp) {
		attempts++;
		lastAttemptAt = now;
		lastStatusCode = statusCode;
		lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
		nextAttemptAt = next;
		claimedUntil = null;
		if (giveUp) {
			status = Status.FAILED;
		}
	}

	public Long getId() { return id; }
	public Long getSubscriptionId() { return subscriptionId; }
	public String getEventId() { return eventId; }
	public String getEventType() { return eventType; }
	public String getIncidentNumber() { return incidentNumber; }
	public String getPayload() { return payload; }
	public Status getStatus() { return status; }
	public Instant getCreatedAt() { return createdAt; }
	public int getAttempts() { return attempts; }
	public Instant getNextAttemptAt() { return nextAttemptAt; }
	public Instant getDeliveredAt() { return deliveredAt; }
	public Instant getLastAttemptAt() { return lastAttemptAt; }
	public Integer getLastStatusCode() { return lastStatusCode; }
	public String getLastError() { return lastError; }

}
