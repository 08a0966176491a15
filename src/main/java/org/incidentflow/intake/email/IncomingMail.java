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
 * @param headers the headers that tell automatic mail apart, names in lower case, first value only
 */
public record IncomingMail(String messageId, String from, String fromName, String subject, String text,
		List<String> threadIds, Map<String, String> headers, Instant sentAt) {

	public String header(String name) {
		return headers.get(name);
	}

}
