package org.incidentflow.outbound.mail;

import java.util.UUID;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.mail.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link IncidentNotice} to the outbox in the transaction that publishes it (a plain, not an after-commit
 * listener): the row exists exactly when the change behind it committed, and {@link MailNotifier} sends it later, on
 * any node, at least once. Without {@code spring.mail.host} (and {@code incidentflow.notification.enabled} unset)
 * notices are only logged and nothing is queued, so switching SMTP on later does not send a backlog of old news.
 */
@Component
public class NotificationOutbox {

	private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

	private final OutboxMailRepository outbox;
	private final MailSettings mailSettings;
	private final boolean enabled;

	public NotificationOutbox(OutboxMailRepository outbox, MailSettings mailSettings, NotificationSettings settings,
			@Value("${spring.mail.host:}") String smtpHost) {
		this.outbox = outbox;
		this.mailSettings = mailSettings;
		this.enabled = settings.getEnabled() != null ? settings.getEnabled() : smtpHost != null && !smtpHost.isBlank();
	}

	@EventListener
	public void onNotice(IncidentNotice notice) {
		if (!enabled) {
			log.info("Notice {} for {} {} {} (no SMTP configured, not mailed)", notice.kind(), notice.incidentNumber(),
					notice.audienceType(), notice.audience());
			return;
		}
		enqueue(notice);
	}

	/** Queues the notice in the caller's transaction (or its own when there is none); returns the row. */
	public OutboxMail enqueue(IncidentNotice notice) {
		String messageId = "<" + UUID.randomUUID() + "@" + mailSettings.getMessageIdDomain() + ">";
		OutboxMail row = outbox.save(new OutboxMail(notice, messageId, ActivityLog.now()));
		log.debug("Queued {} of {} for {} {} as {}", notice.kind(), notice.incidentNumber(), notice.audienceType(),
				notice.audience(), messageId);
		return row;
	}

}
