-- Webhook secret rotation (POST /api/webhooks/{id}/secret): the replaced secret signs deliveries beside the new one
-- until previous_secret_until (Standard Webhooks: several space-separated signatures).
ALTER TABLE webhook_subscription ADD COLUMN previous_secret VARCHAR(200);
ALTER TABLE webhook_subscription ADD COLUMN previous_secret_until TIMESTAMP WITH TIME ZONE;
