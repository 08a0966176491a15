package org.incidentflow.outbound.webhook.api;

import java.time.Instant;
import java.util.List;

import org.incidentflow.outbound.webhook.WebhookSubscription;

import io.swagger.v3.oas.annotations.media.Schema;

/** A subscription as administrators see it; the secret only in the answer to its creation or a change of it. */
@Schema(name = "WebhookSubscription")
public record WebhookView(Long id, String url, String description, List<String> events,
		@Schema(allowableValues = { "generic", "slack", "pagerduty" }) String template,
		@Schema(description = "Last four characters of the PagerDuty routing key") String routingKeyEnd,
		@Schema(description = "Only in the answer that created or changed it") String secret,
		@Schema(description = "Until when deliveries also carry the signature of the secret before the last rotation") Instant previousSecretValidUntil,
		boolean enabled,
		@Schema(description = "Given-up deliveries in a row") int consecutiveFailures,
		Instant disabledAt, String disabledReason, Instant createdAt, String createdBy, Instant updatedAt) {

	static WebhookView of(WebhookSubscription s, boolean withSecret) {
		String key = s.getRoutingKey();
		return new WebhookView(s.getId(), s.getUrl(), s.getDescription(), s.eventList(), s.getTemplate().code(),
				key == null ? null : "…" + key.substring(Math.max(0, key.length() - 4)), withSecret ? s.getSecret() : null,
				s.getPreviousSecretUntil(), s.isEnabled(), s.getConsecutiveFailures(), s.getDisabledAt(), s.getDisabledReason(), s.getCreatedAt(),
				s.getCreatedBy(), s.getUpdatedAt());
	}

}
