package org.incidentflow.outbound.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.ActivityRecorded;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.IncidentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a delivery per interested subscription for every lifecycle event of the activity log, in the transaction
 * that records it (a plain, not an after-commit listener): the rows exist exactly when the change committed, and
 * {@link WebhookSender} sends them later, on any node, at least once. All subscriptions of one event share its id.
 */
@Component
public class WebhookOutbox {

	private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

	private final WebhookSubscriptionRepository subscriptions;
	private final WebhookDeliveryRepository deliveries;
	private final WebhookPayloads payloads;
	private final CurrentActor actor;

	public WebhookOutbox(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
			WebhookPayloads payloads, CurrentActor actor) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.payloads = payloads;
		this.actor = actor;
	}

	@EventListener
	public void onActivity(ActivityRecorded recorded) {
		Optional<String> type = IncidentEvents.typeOf(recorded.event());
		if (type.isEmpty() || recorded.incident().getNumber() == null) {
			return;
		}
		List<WebhookSubscription> interested = subscriptions.findByEnabledTrue().stream()
			.filter(s -> s.wants(type.get())).toList();
		if (interested.isEmpty()) {
			return;
		}
		WebhookPayloads.Change change = new WebhookPayloads.Change("msg_" + UUID.randomUUID().toString().replace("-", ""),
				type.get(), recorded.event(), recorded.detail(), actor.userId(), ActivityLog.now());
		for (WebhookSubscription subscription : interested) {
			deliveries.save(new WebhookDelivery(subscription.getId(), change.eventId(), change.type(),
					recorded.incident().getNumber(), payloads.render(subscription, recorded.incident(), change),
					change.at()));
		}
		log.debug("Queued {} ({}) of {} for {} subscriptions as {}", change.type(), recorded.event(),
				recorded.incident().getNumber(), interested.size(), change.eventId());
	}

}
