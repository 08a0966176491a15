package org.incidentflow.intake.chat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.incidentflow.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** What the three chat adapters share: the body limit, form decoding, constant-time checks, the 401 problem. */
final class ChatIntakeSupport {

	/**
	 * Chat platforms send a few kilobytes; a larger body is refused before its signature is computed or anything is
	 * read from it.
	 */
	static final int MAX_BODY = 64 * 1024;

	private ChatIntakeSupport() {
	}

	/**
	 * The raw body exactly as sent, read from the servlet's stream (not through Spring's body conversion, which
	 * rebuilds a form body from the parsed parameters, re-encoded: the signature is over the bytes the platform sent).
	 * At most {@link #MAX_BODY} bytes are read; a longer body is a 413.
	 */
	static byte[] rawBody(HttpServletRequest request) {
		if (request.getContentLengthLong() > MAX_BODY) {
			throw tooLarge();
		}
		byte[] raw;
		try (InputStream in = request.getInputStream()) {
			raw = in.readNBytes(MAX_BODY + 1);
		}
		catch (IOException e) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body could not be read.");
		}
		if (raw.length > MAX_BODY) {
			throw tooLarge();
		}
		return raw;
	}

	private static ErrorResponseException tooLarge() {
		return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
				"A chat request is at most " + MAX_BODY / 1024 + " KB.");
	}

	static ErrorResponseException unauthorized(String title, String detail) {
		return Problems.of(HttpStatus.UNAUTHORIZED, title, detail);
	}

	static boolean sameInConstantTime(String expected, String given) {
		if (expected == null || given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] hmacSha256(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	/** An {@code application/x-www-form-urlencoded} body; the first of repeated fields counts, bad escapes are left out. */
	static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				form.putIfAbsent(name, value);
			}
			catch (IllegalArgumentException e) {
				// a malformed escape: the field is left out
			}
		}
		return form;
	}

}
