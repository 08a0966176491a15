package org.incidentflow.outbound.chat;

import java.util.List;
import java.util.UUID;

import org.incidentflow.chat.ChatConversation;
import org.incidentflow.chat.ChatConversationRepository;
import org.incidentflow.chat.ChatReply;
import org.incidentflow.chat.ChatReplyRepository;
import org.incidentflow.chat.ChatSettings;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.ActivityRecorded;
import org.incidentflow.incident.Comment;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.Incident;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a chat reply for every public update of an incident that was opened from chat, in the transaction that
 * records the update (a plain, not an after-commit listener): the row exists exactly when the change committed, and
 * {@link ChatReplySender} posts it later, on any node. Public updates are public comments, the resolution (which
 * carries the buttons to confirm or reject it) and the closure or cancellation; internal work notes and field
 * changes never leave the product this way.
 */
@Component
public class ChatReplyOutbox {

	private final ChatConversationRepository conversations;
	private final ChatReplyRepository replies;
	private final CommentRepository comments;
	private final ChatSettings settings;

	public ChatReplyOutbox(ChatConversationRepository conversations, ChatReplyRepository replies,
			CommentRepository comments, ChatSettings settings) {
		this.conversations = conversations;
		this.replies = replies;
		this.comments = comments;
		this.settings = settings;
	}

	@EventListener
	public void onActivity(ActivityRecorded recorded) {
		Incident incident = recorded.incident();
		if (incident.getNumber() == null || !isPublicUpdate(recorded.event())) {
			return;
		}
		List<ChatConversation> where = conversations.findByIncidentNumber(incident.getNumber()).stream()
			.filter(c -> ChatRoutes.routable(settings, c)).toList();
		if (where.isEmpty()) {
			return;
		}
		String text = text(recorded, incident);
		if (text == null) {
			return;
		}
		ChatReply.Kind kind = "RESOLVED".equals(recorded.event()) ? ChatReply.Kind.RESOLUTION : ChatReply.Kind.UPDATE;
		for (ChatConversation conversation : where) {
			// one event id per message: the unique key makes a replayed queueing fail instead of posting twice
			replies.save(ChatReply.update("chat_" + UUID.randomUUID().toString().replace("-", ""), conversation, kind,
					text, ActivityLog.now()));
		}
	}

	static boolean isPublicUpdate(String event) {
		return switch (event) {
			case "COMMENT_ADDED", "RESOLVED", "CLOSED", "CANCELED" -> true;
			default -> false;
		};
	}

	private String text(ActivityRecorded recorded, Incident incident) {
		String head = incident.getNumber() + " (" + incident.getTitle() + ")";
		return switch (recorded.event()) {
			case "COMMENT_ADDED" -> {
				List<Comment> all = comments.findByIncidentOrderByCreatedAtAscIdAsc(incident);
				Comment last = null;
				for (int i = all.size() - 1; i >= 0 && last == null; i--) {
					if (all.get(i).getVisibility() == Comment.Visibility.PUBLIC) {
						last = all.get(i);
					}
				}
				yield last == null ? null : head + ": " + last.getAuthor() + " commented: " + last.getBody();
			}
			case "RESOLVED" -> head + " is resolved: " + nullToEmpty(recorded.detail())
					+ "\nIs the service restored for you? Confirm the resolution, or reject it and tell us what is"
					+ " still wrong (/incident confirm " + incident.getNumber() + ", /incident reject "
					+ incident.getNumber() + " <reason>).";
			case "CANCELED" -> head + " is canceled: " + nullToEmpty(recorded.detail());
			default -> head + " is closed: " + nullToEmpty(recorded.detail());
		};
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
