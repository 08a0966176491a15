package org.incidentflow.idempotency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One used Idempotency-Key: what was asked (endpoint, body hash) and what was answered (status, incident). */
@Entity
@Table(name = "idempotency_key")
public class IdempotentRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 100)
	private String principal;

	@Column(name = "idempotency_key", nullable = false, updatable = false, length = 255)
	private String key;

	@Column(nullable = false, updatable = false, length = 300)
	private String endpoint;

	@Column(name = "request_hash", nullable = false, updatable = false, length = 64)
	private String requestHash;

	@Column(name = "response_status", nullable = false)
	private int responseStatus;

	@Column(name = "incident_number", length = 20)
	private String incidentNumber;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	protected IdempotentRequest() {
	}

	IdempotentRequest(String principal, String key, String endpoint, String requestHash, int responseStatus,
			Instant createdAt, Instant expiresAt) {
		this.principal = principal;
		this.key = key;
		this.endpoint = endpoint;
		this.requestHash = requestHash;
		this.responseStatus = responseStatus;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	/** The same request: same endpoint and same body. */
	boolean isFor(String otherEndpoint, String otherHash) {
		return endpoint.equals(otherEndpoint) && requestHash.equals(otherHash);
	}

	boolean isExpiredAt(Instant now) {
		return !expiresAt.isAfter(now);
	}

	void answered(String number) {
		this.incidentNumber = number;
	}

	public String getEndpoint() {
		return endpoint;
	}

	public int getResponseStatus() {
		return responseStatus;
	}

	public String getIncidentNumber() {
		return incidentNumber;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}

}
