package org.incidentflow.outbound.chat;

import org.incidentflow.chat.ChatConversation;
import org.incidentflow.chat.ChatSettings;

/** Whether a conversation's platform has somewhere to post to: without one no reply is queued for it. */
final class ChatRoutes {

	private ChatRoutes() {
	}

	static boolean routable(ChatSettings settings, ChatConversation conversation) {
		return switch (conversation.getPlatform()) {
			case SLACK -> settings.getSlack().hasBotToken() || conversation.getResponseUrl() != null;
			case MATTERMOST -> !blank(settings.getMattermost().getWebhookUrl()) || conversation.getResponseUrl() != null;
			case TEAMS -> !blank(settings.getTeams().getWebhookUrl());
		};
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
