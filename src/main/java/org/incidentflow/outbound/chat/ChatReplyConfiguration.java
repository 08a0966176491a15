package org.incidentflow.outbound.chat;

import org.incidentflow.outbound.OutboxDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Drains the chat outbox on every node; nodes share the work through row leases.
 * {@code incidentflow.chat.replies.poll-enabled=false} turns it off on a node.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "incidentflow.chat.replies", name = "poll-enabled", havingValue = "true",
		matchIfMissing = true)
public class ChatReplyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ChatReplyConfiguration.class);

	private final ChatReplySender sender;

	ChatReplyConfiguration(ChatReplySender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${incidentflow.chat.replies.poll-interval:PT5S}",
			initialDelayString = "${incidentflow.chat.replies.poll-interval:PT5S}")
	void drain() {
		OutboxDrain.Result result = sender.drain();
		if (!result.isEmpty()) {
			log.info("Chat outbox: {} posted, {} failed, {} skipped", result.sent(), result.failed(), result.skipped());
		}
	}

}
