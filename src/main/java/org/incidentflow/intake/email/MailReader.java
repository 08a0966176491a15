package org.incidentflow.intake.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reduces a MIME message to an {@link IncomingMail}: sender, subject, a plain-text body, threading ids. */
public final class MailReader {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	private MailReader() {
	}

	public static IncomingMail read(MimeMessage message) throws MessagingException, IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String[] names : List.of(AutomaticMail.HEADERS, IncomingMail.IMPORTANCE_HEADERS)) {
			for (String name : names) {
				String[] values = message.getHeader(name);
				if (values != null && values.length > 0) {
					headers.put(name, values[0]);
				}
			}
		}
		String from = null;
		String fromName = null;
		Address[] senders = message.getFrom();
		if (senders != null && senders.length > 0 && senders[0] instanceof InternetAddress address) {
			from = address.getAddress() == null ? null : address.getAddress().toLowerCase(Locale.ROOT);
			fromName = address.getPersonal();
		}
		String subject = message.getSubject();
		Instant sentAt = message.getSentDate() == null ? null : message.getSentDate().toInstant();
		List<String> threadIds = new ArrayList<>();
		threadIds.addAll(ids(message.getHeader("In-Reply-To", " ")));
		List<String> references = ids(message.getHeader("References", " "));
		// References lists the thread oldest first; the nearest ancestors are the most specific
		for (int i = references.size() - 1; i >= 0; i--) {
			if (!threadIds.contains(references.get(i))) {
				threadIds.add(references.get(i));
			}
		}
		String messageId = message.getMessageID();
		if (messageId == null || messageId.isBlank()) {
			messageId = syntheticId(from, sentAt, subject);
		}
		return new IncomingMail(messageId.strip(), from, fromName, subject, text(message), threadIds, headers, sentAt);
	}

	/** Stable over polls, so a mail without Message-ID is still processed once. */
	static String syntheticId(String from, Instant sentAt, String subject) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((from + "\n" + sentAt + "\n" + subject).getBytes(StandardCharsets.UTF_8));
			return "<synthetic-" + HexFormat.of().formatHex(hash, 0, 20) + "@message-id.invalid>";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> ids(String header) {
		List<String> ids = new ArrayList<>();
		if (header != null) {
			Matcher matcher = MESSAGE_ID.matcher(header);
			while (matcher.find()) {
				ids.add(matcher.group());
			}
		}
		return ids;
	}

	/** text/plain preferred; HTML only when there is no plain part. Attachments are ignored. */
	static String text(Part part) throws MessagingException, IOException {
		String plain = find(part, "text/plain");
		if (plain != null) {
			return plain.strip();
		}
		String html = find(part, "text/html");
		return html == null ? "" : htmlToText(html);
	}

	private static String find(Part part, String type) throws MessagingException, IOException {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return null;
		}
		if (part.isMimeType(type)) {
			Object content = part.getContent();
			return content instanceof String text ? text : null;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = find(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static String htmlToText(String html) {
		String text = html
			.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
			.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
			.replaceAll("(?s)<[^>]*>", "")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
	}

}
