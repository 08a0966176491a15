package org.incidentflow.intake.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Verifies a Microsoft Teams outgoing webhook request: {@code Authorization: HMAC <signature>}, where the signature is
 * the base64 HMAC-SHA256 of the raw body keyed with the base64-decoded security token Teams showed when the webhook
 * was created; compared in constant time.
 */
public final class TeamsSignature {

	public enum Verdict { VALID, UNSIGNED, WRONG }

	private TeamsSignature() {
	}

	public static String sign(String secret, byte[] body) {
		byte[] key = Base64.getDecoder().decode(secret.trim());
		return "HMAC " + Base64.getEncoder().encodeToString(ChatIntakeSupport.hmacSha256(key, body));
	}

	/** True if the text is a base64 key that can sign (checked at start-up and at every request). */
	public static boolean usable(String secret) {
		if (secret == null || secret.isBlank()) {
			return false;
		}
		try {
			return Base64.getDecoder().decode(secret.trim()).length > 0;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	public static Verdict check(String secret, String authorization, byte[] body) {
		if (authorization == null || !authorization.regionMatches(true, 0, "HMAC ", 0, 5)
				|| authorization.length() <= 5) {
			return Verdict.UNSIGNED;
		}
		byte[] expected = sign(secret, body).substring(5).getBytes(StandardCharsets.US_ASCII);
		byte[] given = authorization.substring(5).trim().getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.WRONG;
	}

}
