package org.incidentflow.intake.email;

import org.incidentflow.mail.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
@EnableConfigurationProperties({ MailSettings.class, MailboxSettings.class })
public class MailIntakeConfiguration {

	/** Polls the mailbox while {@code incidentflow.mail.imap.enabled} is true. */
	@Configuration
	@EnableScheduling
	@ConditionalOnProperty(prefix = "incidentflow.mail.imap", name = "enabled", havingValue = "true")
	static class Polling {

		private static final Logger log = LoggerFactory.getLogger(Polling.class);

		private final MailboxPoller poller;

		Polling(MailboxPoller poller) {
			this.poller = poller;
		}

		@Scheduled(fixedDelayString = "${incidentflow.mail.imap.poll-interval:PT1M}",
				initialDelayString = "${incidentflow.mail.imap.poll-interval:PT1M}")
		void poll() {
			MailboxPoller.PollResult result = poller.poll();
			if (result.handled() > 0 || result.failed() > 0) {
				log.info("Mailbox poll: {} mails processed, {} failed", result.handled(), result.failed());
			}
		}

	}

}
