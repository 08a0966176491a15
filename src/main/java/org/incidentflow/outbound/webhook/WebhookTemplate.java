package org.incidentflow.outbound.webhook;

/** The shape of a delivery's body: the product's own JSON, or what a well-known receiver expects. */
public enum WebhookTemplate {

	/** {@code {"type", "timestamp", "data": {incident}}}, as Standard Webhooks recommends. */
	GENERIC,

	/** A Slack incoming webhook message ({@code text} and {@code blocks}). */
	SLACK,

	/** A PagerDuty Events API v2 event (trigger / acknowledge / resolve, dedup_key = incident number). */
	PAGERDUTY;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
