/**
 * Chat intake: the {@code /incident} command from Slack (slash command and the buttons of a resolution notice,
 * verified by Slack's request signature), Mattermost (slash command token) and Microsoft Teams (outgoing webhook
 * HMAC), three adapters over one interpreter ({@link org.incidentflow.intake.chat.ChatCommands}), acting as the
 * product user an administrator linked the chat user to ({@code /api/chat-identities}) or, on Slack, the user with
 * the chat user's e-mail address. Incidents opened by chat carry channel {@code chat}, go through the same process,
 * and remember their conversation ({@code org.incidentflow.chat}) so public updates are posted back there.
 */
package org.incidentflow.intake.chat;
