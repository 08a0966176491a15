package org.incidentflow.outbound.webhook.api;

import java.time.Instant;

import org.incidentflow.outbound.webhook.WebhookDelivery;

import io.swagger.v3.oas.annotations.media.Schema;

/** One event for one subscription and how its delivery went. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(Long id,
		@Schema(description = "The webhook-id header: the same on every attempt") String eventId,
		String eventType, String incidentNumber,
		@Schema(allowableValues = { "pending", "delivered", "failed" }) String status,
		int attempts, Instant createdAt, Instant lastAttemptAt, Instant deliveredAt,
		@Schema(description = "When a pending delivery is tried next") Instant nextAttemptAt,
		Integer lastStatusCode, String lastError) {

	static DeliveryView of(WebhookDelivery d) {
		boolean pending = d.getStatus() == WebhookDelivery.Status.PENDING;
		return new DeliveryView(d.getId(), d.getEventId(), d.getEventType(), d.getIncidentNumber(),
				d.getStatus().name().toLowerCase(java.util.Locale.ROOT), d.getAttempts(), d.getCreatedAt(),
				d.getLastAttemptAt(), d.getDeliveredAt(), pending ? d.getNextAttemptAt() : null, d.getLastStatusCode(),
				d.getLastError());
	}

}
