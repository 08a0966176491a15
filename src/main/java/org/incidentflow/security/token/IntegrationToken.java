package org.incidentflow.security.token;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One API token of an integration. Only its hash is kept; a revoked token stays (who had access, until when) and
 * never becomes valid again.
 */
@Entity
@Table(name = "integration_token")
public class IntegrationToken {

	/** Names: lower-case letters, digits, dot, dash, underscore (the caller id is {@code integration:<name>}). */
	public static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

	/** Prefix of the principal: no Camunda user id can contain ':' (resource whitelist), so none can collide. */
	public static final String PRINCIPAL_PREFIX = "integration:";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 64)
	private String name;

	@Column(nullable = false, updatable = false, length = 40)
	private String scope;

	@Column(name = "token_hash", nullable = false, updatable = false, length = 64)
	private String tokenHash;

	@Column(name = "token_hint", nullable = false, updatable = false, length = 8)
	private String tokenHint;

	@Column(name = "created_by", nullable = false, updatable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(nullable = false)
	private boolean revoked;

	@Column(name = "revoked_by", length = 100)
	private String revokedBy;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected IntegrationToken() {
	}

	IntegrationToken(String name, IntegrationTokenScope scope, String tokenHash, String tokenHint, String createdBy,
			Instant createdAt) {
		if (name == null || !name.matches(NAME_PATTERN)) {
			throw new IllegalArgumentException("Invalid token name");
		}
		this.name = name;
		this.scope = scope.code();
		this.tokenHash = tokenHash;
		this.tokenHint = tokenHint;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	/** Revoking is final and idempotent: the first revocation's who and when are kept. */
	void revoke(String by, Instant at) {
		if (!revoked) {
			revoked = true;
			revokedBy = by;
			revokedAt = at;
		}
	}

	public String principal() {
		return PRINCIPAL_PREFIX + name;
	}

	public IntegrationTokenScope scope() {
		return IntegrationTokenScope.ofCode(scope).orElseThrow();
	}

	public Long getId() { return id; }
	public String getName() { return name; }
	public String getTokenHint() { return tokenHint; }
	public String getCreatedBy() { return createdBy; }
	public Instant getCreatedAt() { return createdAt; }
	public Instant getLastUsedAt() { return lastUsedAt; }
	public boolean isRevoked() { return revoked; }
	public String getRevokedBy() { return revokedBy; }
	public Instant getRevokedAt() { return revokedAt; }

}
