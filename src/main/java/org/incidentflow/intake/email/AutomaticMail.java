package org.incidentflow.intake.email;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises mail no person wrote to the service desk: auto-replies (RFC 3834), bounces, mailing lists and the
 * product's own notifications. Such mail never opens an incident or triggers a reply, which is what prevents mail
 * loops between the product and out-of-office responders.
 */
public final class AutomaticMail {

	/** Headers read by {@link #reason}; the mailbox reader keeps these. */
	public static final String[] HEADERS = { "auto-submitted", "precedence", "x-loop", "x-auto-response-suppress",
			"list-id", "list-unsubscribe", "return-path", "x-autoreply", "x-autorespond", "x-failed-recipients" };

	private AutomaticMail() {
	}

	/** @return why the mail must be skipped, empty when a person wrote it */
	public static Optional<String> reason(IncomingMail mail, String ownMessageIdDomain) {
		if (mail.from() == null || mail.from().indexOf('@') < 1) {
			return Optional.of("no sender address");
		}
		String autoSubmitted = lower(mail.header("auto-submitted"));
		if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
			return Optional.of("Auto-Submitted: " + autoSubmitted);
		}
		String precedence = lower(mail.header("precedence"));
		if (precedence != null && (precedence.startsWith("bulk") || precedence.startsWith("junk")
				|| precedence.startsWith("list") || precedence.startsWith("auto_reply"))) {
			return Optional.of("Precedence: " + precedence);
		}
		for (String header : new String[] { "x-loop", "x-auto-response-suppress", "list-id", "list-unsubscribe",
				"x-autoreply", "x-autorespond", "x-failed-recipients" }) {
			if (mail.header(header) != null) {
				return Optional.of(header + " present");
			}
		}
		String returnPath = mail.header("return-path");
		if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
			return Optional.of("empty Return-Path (bounce)");
		}
		String local = mail.from() == null ? "" : mail.from().substring(0, Math.max(0, mail.from().indexOf('@')));
		if (local.equals("mailer-daemon") || local.equals("postmaster") || local.startsWith("noreply")
				|| local.startsWith("no-reply")) {
			return Optional.of("sender " + mail.from());
		}
		if (ownMessageIdDomain != null && !ownMessageIdDomain.isBlank()
				&& lower(mail.messageId()).endsWith("@" + ownMessageIdDomain.toLowerCase(Locale.ROOT) + ">")) {
			return Optional.of("the product's own mail");
		}
		return Optional.empty();
	}

	private static String lower(String value) {
		return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
	}

}
