package org.incidentflow.intake.email;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mail read from the mailbox, reduced to what the intake needs.
 *
 * @param messageId the Message-ID with angle brackets, or a synthetic stable id when the mail has none
 * @param from the sender's address, lower case
 * @param text the plain text body (HTML converted to text)
 * @param threadIds Message-IDs from In-Reply-To and References, nearest first
 * @param headers the headers that tell automatic mail apart and those that give its importance, names in lower
 *        case, first value only
 */
public record IncomingMail(String messageId, String from, String fromName, String subject, String text,
		List<String> threadIds, Map<String, String> headers, Instant sentAt) {

	/** Headers a mail client sets for the sender's importance flag, in the order they are trusted. */
	static final String[] IMPORTANCE_HEADERS = { "importance", "x-priority", "priority" };

	public String header(String name) {
		return headers.get(name);
	}

	/**
	 * The importance the sender gave the mail: "high", "normal" or "low". {@code Importance: high|normal|low}
	 * (Outlook), else {@code X-Priority: 1|2} high, {@code 4|5} low (most clients, "1 (Highest)"), else
	 * {@code Priority: urgent|non-urgent} (RFC 2156); "normal" without any of them.
	 */
	public String importance() {
		String importance = lower(header("importance"));
		if (importance.equals("high") || importance.equals("low") || importance.equals("normal")) {
			return importance;
		}
		String priority = lower(header("x-priority"));
		if (!priority.isEmpty()) {
			switch (priority.charAt(0)) {
				case '1', '2' -> { return "high"; }
				case '4', '5' -> { return "low"; }
				case '3' -> { return "normal"; }
				default -> { }
			}
		}
		return switch (lower(header("priority"))) {
			case "urgent" -> "high";
			case "non-urgent" -> "low";
			default -> "normal";
		};
	}

	private static String lower(String value) {
		return value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
