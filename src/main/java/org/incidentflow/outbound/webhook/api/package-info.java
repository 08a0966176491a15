/** The administrators' API of outgoing webhooks: {@code /api/webhooks}. */
package org.incidentflow.outbound.webhook.api;
