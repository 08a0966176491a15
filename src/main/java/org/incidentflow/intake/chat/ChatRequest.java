package org.incidentflow.intake.chat;

import org.incidentflow.chat.ChatPlatform;

/**
 * A verified chat command, whatever platform it came from: who typed it ({@code workspace:user}, as the
 * administrator links it in {@code /api/chat-identities}), what they typed after the command word, the request key
 * a retry repeats (Slack and Mattermost: {@code trigger_id}; Teams: the activity id), and where it was typed (for
 * posting updates back).
 */
public record ChatRequest(ChatPlatform platform, String workspace, String user, String text, String command,
		String requestKey, String channel, String channelName, String responseUrl) {

	public String externalId() {
		return workspace + ":" + user;
	}

}
