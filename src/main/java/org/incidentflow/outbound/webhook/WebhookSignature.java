package org.incidentflow.outbound.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification defines them (https://www.standardwebhooks.com): the secret is
 * {@code whsec_} and the base64 of 24 to 64 random bytes; the signature of a delivery is
 * {@code v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}" with the decoded secret>}. Receivers can
 * verify it with any of the specification's libraries.
 */
public final class WebhookSignature {

	public static final String PREFIX = "whsec_";

	static final int MIN_KEY_BYTES = 24;
	static final int MAX_KEY_BYTES = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new secret: {@code whsec_} and 32 random bytes in base64. */
	public static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** Why the text is not a usable secret, or null when it is. */
	public static String problem(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return "must start with " + PREFIX + " followed by base64 (Standard Webhooks format)";
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException e) {
			return "must be " + PREFIX + " followed by valid base64";
		}
		if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
			return "must encode " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes (it encodes " + key.length + ")";
		}
		return null;
	}

	/** The value of the {@code webhook-signature} header. */
	public static String sign(String secret, String id, long timestampSeconds, String body) {
		String problem = problem(secret);
		if (problem != null) {
			throw new IllegalArgumentException("Webhook secret " + problem);
		}
		byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	/**
	 * What a receiver does: true if one of the space-separated signatures of the header matches, compared in constant
	 * time. (The product uses it in its tests and documentation; receivers should also refuse old timestamps.)
	 */
	public static boolean verify(String secret, String id, long timestampSeconds, String body, String header) {
		byte[] expected = sign(secret, id, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
		for (String candidate : header.trim().split(" +")) {
			if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

}
