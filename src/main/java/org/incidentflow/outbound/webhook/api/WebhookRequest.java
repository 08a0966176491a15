package org.incidentflow.outbound.webhook.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A subscription to create, or the fields to change (absent: unchanged). */
@Schema(name = "WebhookSubscriptionRequest")
public record WebhookRequest(
		@Schema(description = "Where deliveries are posted; http or https. Hosts resolving to loopback, link-local or private addresses are refused unless listed in WEBHOOKS_ALLOWED_HOSTS.",
				example = "https://hooks.example.com/incident-flow") String url,
		@Schema(description = "Event types or patterns: incident.created, incident.updated, incident.resolved, incident.closed, major_incident.declared, major_incident.updated, major_incident.resolved, incident.*, major_incident.*, *",
				example = "[\"incident.created\", \"incident.resolved\"]") List<String> events,
		@Schema(description = "Payload format (default generic)", allowableValues = { "generic", "slack", "pagerduty" }) String template,
		@Schema(description = "PagerDuty Events API v2 integration key; required for the pagerduty template") String routingKey,
		@Schema(description = "Standard Webhooks secret (whsec_ + base64 of 24 to 64 bytes); generated when absent on create",
				example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
		@Schema(description = "Deliveries are queued and sent only while enabled (default true)") Boolean enabled,
		@Schema(description = "What the subscription is for", example = "Ops channel in Slack") String description) {
}
