package org.incidentflow.outbound.mail;

import org.incidentflow.mail.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
@EnableConfigurationProperties({ NotificationSettings.class, MailSettings.class })
public class NotificationConfiguration {

	/**
	 * Drains the outbox on every node while SMTP is configured ({@code spring.mail.host}); nodes share the work through
	 * row leases. {@code incidentflow.notification.poll-enabled=false} turns it off on a node.
	 */
	@Configuration
	@EnableScheduling
	@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank() and '${incidentflow.notification.poll-enabled:true}' == 'true'")
	static class Draining {

		private static final Logger log = LoggerFactory.getLogger(Draining.class);

		private final MailNotifier notifier;

		Draining(MailNotifier notifier) {
			this.notifier = notifier;
		}

		@Scheduled(fixedDelayString = "${incidentflow.notification.poll-interval:PT10S}",
				initialDelayString = "${incidentflow.notification.poll-interval:PT10S}")
		void drain() {
			org.incidentflow.outbound.OutboxDrain.Result result = notifier.drain();
			if (result.sent() + result.failed() + result.skipped() > 0) {
				log.info("Notification outbox: {} sent, {} failed, {} skipped", result.sent(), result.failed(),
						result.skipped());
			}
		}

	}

}
