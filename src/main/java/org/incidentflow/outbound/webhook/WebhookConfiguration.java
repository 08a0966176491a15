package org.incidentflow.outbound.webhook;

import org.incidentflow.outbound.OutboxDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
@EnableConfigurationProperties(WebhookSettings.class)
public class WebhookConfiguration {

	@Bean
	TargetGuard webhookTargetGuard(WebhookSettings settings) {
		return new TargetGuard(settings.getAllowedHosts());
	}

	/**
	 * Drains the webhook outbox on every node; nodes share the work through row leases.
	 * {@code incidentflow.webhooks.poll-enabled=false} turns it off on a node.
	 */
	@Configuration
	@EnableScheduling
	@ConditionalOnProperty(prefix = "incidentflow.webhooks", name = "poll-enabled", havingValue = "true",
			matchIfMissing = true)
	static class Draining {

		private static final Logger log = LoggerFactory.getLogger(Draining.class);

		private final WebhookSender sender;

		Draining(WebhookSender sender) {
			this.sender = sender;
		}

		@Scheduled(fixedDelayString = "${incidentflow.webhooks.poll-interval:PT5S}",
				initialDelayString = "${incidentflow.webhooks.poll-interval:PT5S}")
		void drain() {
			OutboxDrain.Result result = sender.drain();
			if (!result.isEmpty()) {
				log.info("Webhook outbox: {} delivered, {} failed, {} skipped", result.sent(), result.failed(),
						result.skipped());
			}
		}

	}

}
