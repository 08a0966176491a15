package org.incidentflow.outbound.webhook;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.incidentflow.identity.AccessGroups;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.outbound.OutboxDrain;
import org.incidentflow.persistence.TransactionRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries queued in the webhook outbox ({@link WebhookOutbox}), signed per Standard Webhooks. The drain
 * takes a lease on each due row ({@link OutboxDrain}), posts it with the event id fixed when queued, and records the
 * outcome. A crash between posting and recording posts it again after the lease ran out, with the same
 * {@code webhook-id}: receivers drop the repeat. Non-2xx answers, timeouts and refused targets are retried with
 * exponential backoff and given up after {@code max-attempts}; a subscription whose deliveries are given up
 * {@code disable-after-failures} times in a row (or that answers 410 Gone) is disabled and the administrators are
 * told by mail. Redirects are never followed; every connection goes through {@link TargetGuard}.
 */
@Component
public class WebhookSender implements OutboxDrain.Channel, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	static final String USER_AGENT = "IncidentFlow-Webhooks/1";

	private final WebhookSettings settings;
	private final WebhookDeliveryRepository deliveries;
	private final WebhookSubscriptionRepository subscriptions;
	private final TransactionRetry transactions;
	private final ApplicationEventPublisher events;
	private final CloseableHttpClient http;

	public WebhookSender(WebhookSettings settings, WebhookDeliveryRepository deliveries,
			WebhookSubscriptionRepository subscriptions, TransactionRetry transactions,
			ApplicationEventPublisher events, TargetGuard guard) {
		this.settings = settings;
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.transactions = transactions;
		this.events = events;
		this.http = guard.httpClient(settings.getConnectTimeout(), settings.getReadTimeout(), 20, USER_AGENT);
	}

	/** Sends every delivery due at {@code now} that this caller wins the lease of. */
	public OutboxDrain.Result drain(Instant now) {
		return OutboxDrain.drain("webhook outbox", this, transactions, now, settings.getLease(),
				settings.getBatchSize());
	}

	public OutboxDrain.Result drain() {
		return drain(ActivityLog.now());
	}

	@Override
	public List<Long> dueIds(Instant now, int batchSize) {
		return deliveries.findDueIds(now, PageRequest.of(0, batchSize));
	}

	@Override
	public int claim(Long id, Instant now, Instant until) {
		return deliveries.claim(id, now, until);
	}

	private record Target(WebhookDelivery delivery, WebhookSubscription subscription) {
	}

	private record Answer(Integer status, String error) {
	}

	@Override
	public OutboxDrain.Outcome deliver(Long id, Instant now) {
		Target target = transactions.inNewTransaction("webhook read", () -> {
			WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
			return new Target(delivery, subscriptions.findById(delivery.getSubscriptionId()).orElse(null));
		});
		WebhookDelivery delivery = target.delivery();
		WebhookSubscription subscription = target.subscription();
		if (subscription == null || !subscription.isEnabled()) {
			// disabled between the due query and the lease: the lease runs out, the row waits for enabling
			return OutboxDrain.Outcome.SKIPPED;
		}
		Answer answer = post(subscription, delivery, now);
		if (answer.error() == null) {
			transactions.inNewTransaction("webhook delivered", () -> {
				deliveries.findById(id).orElseThrow().delivered(answer.status(), now);
				subscriptions.findById(subscription.getId()).ifPresent(WebhookSubscription::delivered);
				return null;
			});
			log.info("Delivered {} {} of {} to subscription {} (HTTP {})", delivery.getEventType(),
					delivery.getEventId(), delivery.getIncidentNumber(), subscription.getId(), answer.status());
			return OutboxDrain.Outcome.SENT;
		}
		int attempts = delivery.getAttempts() + 1;
		boolean gone = answer.status() != null && answer.status() == 410;
		boolean giveUp = gone || attempts >= settings.getMaxAttempts();
		Instant next = now.plus(OutboxDrain.backoff(attempts, settings.getInitialBackoff(), settings.getMaxBackoff()));
		transactions.inNewTransaction("webhook failed", () -> {
			deliveries.findById(id).orElseThrow().failed(answer.status(), answer.error(), now, next, giveUp);
			if (giveUp) {
				update(subscription.getId(), s -> {
					boolean disabled = gone
							? s.disable("The receiver answered 410 Gone: the endpoint no longer exists.", now)
							: s.deliveryFailed(settings.getDisableAfterFailures(), answer.error(), now);
					if (disabled) {
						tellAdministrators(s, delivery);
					}
				});
			}
			return null;
		});
		if (giveUp) {
			log.error("Webhook {} {} of {} to subscription {} given up after {} attempts: {}", delivery.getEventType(),
					delivery.getEventId(), delivery.getIncidentNumber(), subscription.getId(), attempts, answer.error());
		}
		else {
			log.warn("Webhook {} {} of {} to subscription {} failed (attempt {}), next attempt at {}: {}",
					delivery.getEventType(), delivery.getEventId(), delivery.getIncidentNumber(), subscription.getId(),
					attempts, next, answer.error());
		}
		return OutboxDrain.Outcome.FAILED;
	}

	private void update(Long subscriptionId, Consumer<WebhookSubscription> change) {
		subscriptions.findById(subscriptionId).ifPresent(change);
	}

	/** In the transaction that disables the subscription: the mail is queued exactly when the disabling commits. */
	private void tellAdministrators(WebhookSubscription subscription, WebhookDelivery last) {
		log.error("Webhook subscription {} ({}) disabled: {}", subscription.getId(), subscription.getUrl(),
				subscription.getDisabledReason());
		events.publishEvent(new IncidentNotice(last.getIncidentNumber(), IncidentNotice.Kind.WEBHOOK_DISABLED,
				IncidentNotice.Audience.GROUP, AccessGroups.ADMINS,
				"Webhook subscription " + subscription.getId() + " to " + subscription.getUrl() + " was disabled. "
						+ subscription.getDisabledReason() + "\nFix the receiver, then enable the subscription again"
						+ " (PATCH /api/webhooks/" + subscription.getId() + " with {\"enabled\": true}); deliveries"
						+ " queued meanwhile are sent then."));
	}

	private Answer post(WebhookSubscription subscription, WebhookDelivery delivery, Instant now) {
		long timestamp = now.getEpochSecond();
		HttpPost request = new HttpPost(subscription.getUrl());
		request.setHeader("webhook-id", delivery.getEventId());
		request.setHeader("webhook-timestamp", Long.toString(timestamp));
		// during a secret's grace period both signatures, space-separated, as Standard Webhooks allows
		request.setHeader("webhook-signature", String.join(" ", subscription.signingSecrets(now).stream()
			.map(secret -> WebhookSignature.sign(secret, delivery.getEventId(), timestamp, delivery.getPayload()))
			.toList()));
		request.setEntity(new StringEntity(delivery.getPayload(), ContentType.APPLICATION_JSON));
		try {
			return http.execute(request, response -> {
				// the answer's body is read and dropped, never stored: it may come from an internal system
				EntityUtils.consume(response.getEntity());
				int code = response.getCode();
				if (code >= 200 && code < 300) {
					return new Answer(code, null);
				}
				String error = "HTTP " + code + (code >= 300 && code < 400 ? " (redirects are not followed)" : "");
				return new Answer(code, error);
			});
		}
		catch (TargetGuard.RefusedTarget e) {
			return new Answer(null, "Refused: " + e.getMessage());
		}
		catch (IOException | RuntimeException e) {
			return new Answer(null, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}

	@Override
	public void destroy() throws IOException {
		http.close();
	}

}
