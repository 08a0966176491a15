/**
 * The webhook channel of the outbox: administrators subscribe URLs to incident events ({@code IncidentEvents});
 * every lifecycle event of the activity log queues one delivery per interested subscription in the transaction of
 * the change, and any node posts it after commit, signed per Standard Webhooks, at least once with a stable
 * {@code webhook-id}, retried with backoff, through an SSRF guard. Payloads: generic JSON, Slack incoming webhook,
 * PagerDuty Events API v2.
 */
package org.incidentflow.outbound.webhook;
