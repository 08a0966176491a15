package org.incidentflow.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

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
import org.incidentflow.intake.TransactionRetry;
import org.incidentflow.intake.email.MailMessage;
import org.incidentflow.intake.email.MailMessageRepository;
import org.incidentflow.intake.email.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends {@link IncidentNotice}s by mail once the change behind them committed. Mail is marked as automatic
 * ({@code Auto-Submitted: auto-generated}) with a Message-ID in the product's domain, so the email intake (ours or a
 * recipient's ticket system) never answers it; it threads to the incident's first mail and carries the incident
 * number in the subject, so a person's reply comes back to the incident. Without {@code spring.mail.host} notices are
 * only logged. A sending failure is logged and never touches the incident.
 */
@Component
public class MailNotifier {

	private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

	private final ObjectProvider<JavaMailSender> senders;
	private final String smtpHost;
	private final String baseUrl;
	private final MailSettings settings;
	private final IncidentRepository incidents;
	private final MailMessageRepository mails;
	private final IdentityService identityService;
	private final TransactionRetry transactions;

	public MailNotifier(ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String smtpHost,
			@Value("${incidentflow.base-url:http://localhost:8080}") String baseUrl, MailSettings settings,
			IncidentRepository incidents, MailMessageRepository mails, IdentityService identityService,
			TransactionRetry transactions) {
		this.senders = senders;
		this.smtpHost = smtpHost;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.settings = settings;
		this.incidents = incidents;
		this.mails = mails;
		this.identityService = identityService;
		this.transactions = transactions;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onNotice(IncidentNotice notice) {
		JavaMailSender sender = smtpHost == null || smtpHost.isBlank() ? null : senders.getIfAvailable();
		if (sender == null) {
			log.info("Notice {} for {} {} {} (no SMTP configured, not mailed)", notice.kind(), notice.incidentNumber(),
					notice.audienceType(), notice.audience());
			return;
		}
		send(notice, sender);
	}

	/** Sends one notice through the given sender; returns the Message-ID, empty when nothing was sent. */
	public Optional<String> send(IncidentNotice notice, JavaMailSender sender) {
		try {
			Optional<Composed> mail = transactions.inNewTransaction("notice mail", () -> compose(notice));
			if (mail.isEmpty()) {
				return Optional.empty();
			}
			sender.send(mail.get().message());
			// recorded after sending: the Message-ID lets replies thread back to the incident
			transactions.inNewTransaction("notice mail record", () -> mails.save(mail.get().record()));
			log.info("Mailed {} of {} to {}", notice.kind(), notice.incidentNumber(), mail.get().record().getAddress());
			return Optional.of(mail.get().record().getMessageId());
		}
		catch (RuntimeException e) {
			// after commit: a failure here must neither undo nor fail the change that caused the notice
			log.warn("Mailing {} of {} to {} {} failed", notice.kind(), notice.incidentNumber(), notice.audienceType(),
					notice.audience(), e);
			return Optional.empty();
		}
	}

	private record Composed(MimeMessage message, MailMessage record) {
	}

	/** Builds the mail and the record of its Message-ID (direction out), saved once the mail is sent. */
	private Optional<Composed> compose(IncidentNotice notice) {
		Incident incident = incidents.findByNumber(notice.incidentNumber()).orElse(null);
		List<String> recipients = recipients(notice);
		if (incident == null || recipients.isEmpty()) {
			log.info("Notice {} of {}: no mail address for {} {}", notice.kind(), notice.incidentNumber(),
					notice.audienceType(), notice.audience());
			return Optional.empty();
		}
		String messageId = "<" + UUID.randomUUID() + "@" + settings.getMessageIdDomain() + ">";
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
			message.setSentDate(java.util.Date.from(ActivityLog.now()));
			message.saveChanges();
			MailMessage record = new MailMessage(messageId, MailMessage.Direction.OUT, MailMessage.Outcome.SENT,
					String.join(", ", recipients), subject, ActivityLog.now());
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
					- To confirm or reject the resolution, open the task "Confirm resolution" in Tasklist:
					  %s/camunda/app/tasklist/
					- Or reply to this mail: your reply is added to %s as a comment for the service desk.
					Without an answer the incident is closed automatically after the confirmation period.

					""".formatted(baseUrl, incident.getNumber()));
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
