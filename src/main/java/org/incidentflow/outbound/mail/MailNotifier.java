package org.incidentflow.outbound.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.mail.MailMessage;
import org.incidentflow.mail.MailMessageRepository;
import org.incidentflow.mail.MailSettings;
import org.incidentflow.metrics.ProductMetrics;
import org.incidentflow.outbound.OutboxDrain;
import org.incidentflow.persistence.TransactionRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the notification mail queued in the outbox ({@link NotificationOutbox}). A drain takes a lease on each due row
 * (an UPDATE that only one node or thread wins), sends it with the Message-ID fixed when it was queued, then marks it
 * sent and records the Message-ID (direction out) for threading in one transaction. A crash between sending and
 * marking sends the mail again after the lease ran out, with the same Message-ID: receivers and our own intake drop the
 * repeat. A failure is retried with exponential backoff and given up after {@code max-attempts} (status FAILED).
 * <p>
 * Mail is marked as automatic ({@code Auto-Submitted: auto-generated}) with a Message-ID in the product's domain, so
 * the email intake (ours or a recipient's ticket system) never answers it; it threads to the incident's first mail and
 * carries the incident number in the subject, so a person's reply comes back to the incident.
 */
@Component
public class MailNotifier {

	private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

	private final ObjectProvider<JavaMailSender> senders;
	private final String baseUrl;
	private final MailSettings settings;
	private final NotificationSettings notification;
	private final OutboxMailRepository outbox;
	private final IncidentRepository incidents;
	private final MailMessageRepository mails;
	private final IdentityService identityService;
	private final TransactionRetry transactions;
	private final ProductMetrics metrics;

	public MailNotifier(ObjectProvider<JavaMailSender> senders,
			@Value("${incidentflow.base-url:http://localhost:8080}") String baseUrl, MailSettings settings,
			NotificationSettings notification, OutboxMailRepository outbox, IncidentRepository incidents,
			MailMessageRepository mails, IdentityService identityService, TransactionRetry transactions,
			ProductMetrics metrics) {
		this.senders = senders;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.settings = settings;
		this.notification = notification;
		this.outbox = outbox;
		this.incidents = incidents;
		this.mails = mails;
		this.identityService = identityService;
		this.transactions = transactions;
		this.metrics = metrics;
	}

	/** Drains due rows through the configured SMTP server, at the engine clock's now. */
	public OutboxDrain.Result drain() {
		return drain(senders.getObject(), ActivityLog.now());
	}

	/**
	 * Sends every row due at {@code now} that this caller wins the lease of. Rows another node holds, or that failed in
	 * this drain, wait for a later drain.
	 */
	public OutboxDrain.Result drain(JavaMailSender sender, Instant now) {
		return OutboxDrain.drain("outbox", new OutboxDrain.Channel() {
			@Override
			public List<Long> dueIds(Instant at, int batchSize) {
				return outbox.findDueIds(at, PageRequest.of(0, batchSize));
			}

			@Override
			public int claim(Long id, Instant at, Instant until) {
				return outbox.claim(id, at, until);
			}

			@Override
			public OutboxDrain.Outcome deliver(Long id, Instant at) {
				return switch (sendClaimed(id, sender, at)) {
					case SENT -> OutboxDrain.Outcome.SENT;
					case SKIPPED -> OutboxDrain.Outcome.SKIPPED;
					case FAILED, PENDING -> OutboxDrain.Outcome.FAILED;
				};
			}
		}, transactions, now, notification.getLease(), notification.getBatchSize());
	}

	private OutboxMail.Status sendClaimed(Long id, JavaMailSender sender, Instant now) {
		OutboxMail row = transactions.inNewTransaction("outbox read", () -> outbox.findById(id).orElseThrow());
		IncidentNotice notice = row.notice();
		try {
			Optional<Composed> mail = transactions.inNewTransaction("notice mail",
					() -> compose(notice, row.getMessageId(), now));
			if (mail.isEmpty()) {
				update(id, r -> r.skipped("no incident or no mail address"));
				return OutboxMail.Status.SKIPPED;
			}
			sender.send(mail.get().message());
			transactions.inNewTransaction("notice mail sent", () -> {
				outbox.findById(id).orElseThrow().sent(now);
				// recorded with the row: the Message-ID lets replies thread back to the incident
				if (!mails.existsByMessageId(row.getMessageId())) {
					mails.save(mail.get().record());
				}
				return null;
			});
			log.info("Mailed {} of {} to {}", notice.kind(), notice.incidentNumber(), mail.get().record().getAddress());
			metrics.notificationSent();
			return OutboxMail.Status.SENT;
		}
		catch (RuntimeException e) {
			int attempts = row.getAttempts() + 1;
			boolean giveUp = attempts >= notification.getMaxAttempts();
			Instant next = now.plus(notification.backoff(attempts));
			String error = e.getClass().getSimpleName() + ": " + e.getMessage();
			update(id, r -> r.failed(error, next, giveUp));
			metrics.notificationFailed(giveUp);
			if (giveUp) {
				log.error("Mailing {} of {} to {} {} failed {} times, given up (outbox row {}, {})", notice.kind(),
						notice.incidentNumber(), notice.audienceType(), notice.audience(), attempts, id,
						row.getMessageId(), e);
				return OutboxMail.Status.FAILED;
			}
			log.warn("Mailing {} of {} to {} {} failed (attempt {}), next attempt at {}: {}", notice.kind(),
					notice.incidentNumber(), notice.audienceType(), notice.audience(), attempts, next, error);
			return OutboxMail.Status.FAILED;
		}
	}

	private void update(Long id, java.util.function.Consumer<OutboxMail> change) {
		transactions.inNewTransaction("outbox update", () -> {
			change.accept(outbox.findById(id).orElseThrow());
			return null;
		});
	}

	private record Composed(MimeMessage message, MailMessage record) {
	}

	/** Builds the mail and the record of its Message-ID (direction out), saved once the mail is sent. */
	private Optional<Composed> compose(IncidentNotice notice, String messageId, Instant now) {
		Incident incident = incidents.findByNumber(notice.incidentNumber()).orElse(null);
		List<String> recipients = recipients(notice);
		if (incident == null || recipients.isEmpty()) {
			log.info("Notice {} of {}: no mail address for {} {}", notice.kind(), notice.incidentNumber(),
					notice.audienceType(), notice.audience());
			return Optional.empty();
		}
		String subject = "[" + incident.getNumber() + "] " + headline(notice.kind()) + ": " + incident.getTitle();
		try {
			MimeMessage message = new FixedIdMessage(Session.getInstance(new Properties()), messageId);
			message.setFrom(new InternetAddress(settings.getFrom()));
			for (String recipient : recipients) {
				message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
			}
			message.setSubject(subject, "UTF-8");
			message.setText(body(notice, incident), "UTF-8");
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("X-Auto-Response-Suppress", "All");
			mails.findFirstByIncidentIdOrderByAtAscIdAsc(incident.getId()).ifPresent(first -> {
				try {
					message.setHeader("In-Reply-To", first.getMessageId());
					message.setHeader("References", first.getMessageId());
				}
				catch (MessagingException e) {
					throw new IllegalStateException(e);
				}
			});
			message.setSentDate(java.util.Date.from(now));
			message.saveChanges();
			MailMessage record = new MailMessage(messageId, MailMessage.Direction.OUT, MailMessage.Outcome.SENT,
					String.join(", ", recipients), subject, now);
			record.setIncidentId(incident.getId());
			return Optional.of(new Composed(message, record));
		}
		catch (MessagingException e) {
			throw new IllegalStateException("Cannot compose mail for " + notice.incidentNumber(), e);
		}
	}

	private List<String> recipients(IncidentNotice notice) {
		Set<String> addresses = new LinkedHashSet<>();
		if (notice.audienceType() == IncidentNotice.Audience.GROUP) {
			for (User member : identityService.createUserQuery().memberOfGroup(notice.audience()).list()) {
				addIfAddress(addresses, member.getEmail());
			}
		}
		else {
			User user = identityService.createUserQuery().userId(notice.audience()).singleResult();
			if (user != null) {
				addIfAddress(addresses, user.getEmail());
			}
			else {
				// callers from the email channel without an account are known by their address
				addIfAddress(addresses, notice.audience());
			}
		}
		return new ArrayList<>(addresses);
	}

	private static void addIfAddress(Set<String> addresses, String candidate) {
		if (candidate != null && candidate.indexOf('@') > 0) {
			addresses.add(candidate.strip().toLowerCase(Locale.ROOT));
		}
	}

	private static String headline(IncidentNotice.Kind kind) {
		return switch (kind) {
			case RECEIVED -> "Received";
			case ASSIGNED -> "Assigned to you";
			case SLA_WARNING -> "SLA warning";
			case SLA_BREACHED -> "SLA breached";
			case ESCALATED -> "Escalated";
			case RESOLVED -> "Resolved";
			case CALLER_UPDATED -> "Updated";
			case CLOSED -> "Closed";
			case CANCELED -> "Canceled";
			case WEBHOOK_DISABLED -> "Webhook subscription disabled";
			case PROBLEM_FIXED -> "Underlying problem fixed";
			case MAJOR_LINKED -> "Known major incident";
			case MAJOR_STATUS_UPDATE -> "Major incident status update";
			case MAJOR_UPDATE_MISSED -> "Major incident status update missed";
		};
	}

	private String body(IncidentNotice notice, Incident incident) {
		StringBuilder text = new StringBuilder();
		text.append(incident.getNumber()).append(": ").append(incident.getTitle()).append("\n\n");
		if (notice.detail() != null && !notice.detail().isBlank()) {
			text.append(notice.detail()).append("\n\n");
		}
		if (notice.kind() == IncidentNotice.Kind.RESOLVED) {
			text.append("""
					Please check that the problem is solved.
					- To confirm or reject the resolution, open your incident in the portal:
					  %s/portal/incidents/%s#resolution
					- Or reply to this mail: your reply is added to %s as a comment for the service desk.
					Without an answer the incident is closed automatically after the confirmation period.

					How satisfied are you? Rate it once, from 1 to 5:
					  %s/portal/incidents/%s#satisfaction

					""".formatted(baseUrl, incident.getNumber(), incident.getNumber(), baseUrl, incident.getNumber()));
		}
		else {
			text.append("Reply to this mail to add a comment to ").append(incident.getNumber())
				.append("; keep the number in the subject.\n\n");
		}
		text.append("-- \nIncident Flow, ").append(baseUrl).append("\nThis message was generated automatically.\n");
		return text.toString();
	}

	/** Keeps the Message-ID we stored; JavaMail would replace it with its own when the message is saved. */
	static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
