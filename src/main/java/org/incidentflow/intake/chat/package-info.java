/**
 * Chat intake: the Slack slash command {@code /incident} (verified by Slack's request signature, acting as the
 * product user an administrator linked the Slack user to) and the links themselves ({@code /api/chat-identities}).
 * Incidents opened by chat carry channel {@code chat} and go through the same process.
 */
package org.incidentflow.intake.chat;
