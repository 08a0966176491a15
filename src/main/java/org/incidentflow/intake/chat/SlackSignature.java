package org.incidentflow.intake.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a request as Slack specifies ("Verifying requests from Slack"): {@code X-Slack-Signature} must be
 * {@code v0=} and the hex HMAC-SHA256 of {@code v0:{X-Slack-Request-Timestamp}:{raw body}} keyed with the app's
 * signing secret, compared in constant time; a timestamp more than five minutes from now is a replay. Slack's Bolt
 * for Java does the same inside its own servlet and app model; a dozen tested lines fit this product's controllers
 * better than that framework.
 */
public final class SlackSignature {

	public enum Verdict { VALID, UNSIGNED, EXPIRED, WRONG }

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private SlackSignature() {
	}

	public static String sign(String signingSecret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	public static Verdict check(String signingSecret, String timestampHeader, String signatureHeader, byte[] body,
			Instant now) {
		if (timestampHeader == null || signatureHeader == null || timestampHeader.isBlank()
				|| signatureHeader.isBlank()) {
			return Verdict.UNSIGNED;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampHeader.trim());
		}
		catch (NumberFormatException e) {
			return Verdict.UNSIGNED;
		}
		if (Math.abs(now.getEpochSecond() - timestamp) > MAX_AGE.toSeconds()) {
			return Verdict.EXPIRED;
		}
		byte[] expected = sign(signingSecret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII))
				? Verdict.VALID : Verdict.WRONG;
	}

}
