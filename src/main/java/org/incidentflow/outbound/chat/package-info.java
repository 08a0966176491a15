/**
 * The chat channel of the outbox: public updates of an incident opened from chat (public comments, the resolution
 * with buttons to confirm or reject it, the closure) are queued in the transaction of the change and posted to the
 * conversation it was opened in (Slack chat.postMessage into the incident's thread with the bot token, else the
 * command's response_url; Mattermost and Teams incoming webhooks), and answers to a single user go to Slack's
 * response_url. At least once, retried with backoff, given up after the configured attempts.
 */
package org.incidentflow.outbound.chat;
