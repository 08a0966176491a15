package org.incidentflow.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.incidentflow.incident.ActivityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes integration tokens. A token is {@code ifi_} and 256 random bits (base64url); only its
 * SHA-256 is stored. A salted slow hash (bcrypt) would protect guessable passwords; a random 256-bit secret cannot be
 * guessed, so a plain hash is as safe and lets a token be found by an index lookup instead of a scan.
 * <p>
 * Checking a token reads one row by its hash; its last-used time is written at most once per
 * {@link #LAST_USED_PRECISION} per token (not on each delivery of a busy Alertmanager), and only by one node at a time
 * (see {@link IntegrationTokenRepository#recordUse}). Revocation is read from the database on every request: no node
 * caches a token, so a revoked token is refused everywhere at once.
 */
@Service
public class IntegrationTokens {

	static final String PREFIX = "ifi_";
	public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(IntegrationTokens.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final IntegrationTokenRepository tokens;

	public IntegrationTokens(IntegrationTokenRepository tokens) {
		this.tokens = tokens;
	}

	/** A new token and its secret, which exists only in this answer. */
	public record Issued(IntegrationToken token, String secret) {
	}

	@Transactional
	public Issued issue(String name, IntegrationTokenScope scope, String administrator) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		IntegrationToken token = tokens.save(new IntegrationToken(name, scope, hash(secret),
				secret.substring(secret.length() - 4), administrator, ActivityLog.now()));
		log.info("{} created integration token {} ({}, scope {})", administrator, token.getId(), name, scope.code());
		return new Issued(token, secret);
	}

	@Transactional(readOnly = true)
	public List<IntegrationToken> list() {
		return tokens.findAllByOrderByIdAsc();
	}

	@Transactional(readOnly = true)
	public Optional<IntegrationToken> find(long id) {
		return tokens.findById(id);
	}

	@Transactional
	public Optional<IntegrationToken> revoke(long id, String administrator) {
		return tokens.findById(id).map(token -> {
			if (!token.isRevoked()) {
				log.info("{} revoked integration token {} ({})", administrator, id, token.getName());
			}
			token.revoke(administrator, ActivityLog.now());
			return token;
		});
	}

	/** The active token with this secret, its use recorded (at most once a minute); empty if unknown or revoked. */
	public Optional<IntegrationToken> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		Optional<IntegrationToken> found = tokens.findByTokenHash(hash(secret)).filter(token -> !token.isRevoked());
		found.ifPresent(token -> {
			Instant now = ActivityLog.now();
			Instant notBefore = now.minus(LAST_USED_PRECISION);
			if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(notBefore)) {
				tokens.recordUse(token.getId(), now, notBefore);
			}
		});
		return found;
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

}
