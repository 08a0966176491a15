/**
 * Everything the product sends to the outside world, as channels of one transactional outbox: a change queues its
 * messages in its own transaction, a drain on every node sends them after commit, at least once, with a stable id per
 * message so receivers recognise a repeat, retried with backoff and given up after the configured attempts.
 * Channels: {@code outbound.mail} (notification mail), {@code outbound.webhook} (signed HTTP deliveries to subscribed
 * URLs), {@code outbound.chat} (public updates posted back to the chat conversation an incident was opened in).
 * Knows nothing of the {@code intake} package.
 */
package org.incidentflow.outbound;
