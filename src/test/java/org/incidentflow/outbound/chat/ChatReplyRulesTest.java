package org.incidentflow.outbound.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.incidentflow.chat.ChatConversation;
import org.incidentflow.chat.ChatPlatform;
import org.incidentflow.chat.ChatReply;
import org.junit.jupiter.api.Test;

/** What leaves the product for a chat thread, and the invariants of the rows that carry it; no Spring needed. */
class ChatReplyRulesTest {

	static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

	@Test
	void onlyPublicUpdatesArePostedBack() {
		assertThat(ChatReplyOutbox.isPublicUpdate("COMMENT_ADDED")).isTrue();
		assertThat(ChatReplyOutbox.isPublicUpdate("RESOLVED")).isTrue();
		assertThat(ChatReplyOutbox.isPublicUpdate("CLOSED")).isTrue();
		assertThat(ChatReplyOutbox.isPublicUpdate("CANCELED")).isTrue();
		assertThat(ChatReplyOutbox.isPublicUpdate("WORK_NOTE_ADDED")).as("internal work notes stay inside").isFalse();
		assertThat(ChatReplyOutbox.isPublicUpdate("ESCALATED")).isFalse();
		assertThat(ChatReplyOutbox.isPublicUpdate("REPORTED")).as("the command's own reply says so").isFalse();
	}

	@Test
	void slackMarkupInUserTextIsEscaped() {
		assertThat(ChatReplySender.slackEscape("<!channel> a & b <https://x|y>"))
			.isEqualTo("&lt;!channel&gt; a &amp; b &lt;https://x|y&gt;");
	}

	@Test
	void aThreadIsStartedOnceAndNeverMoved() {
		ChatConversation conversation = new ChatConversation("INC-000001", ChatPlatform.SLACK, "T1", "C1", null, null,
				NOW);
		conversation.startedThread("1700000000.000100");
		conversation.startedThread("1700000099.000200");
		assertThat(conversation.getThreadRef()).isEqualTo("1700000000.000100");
		assertThatThrownBy(() -> new ChatConversation("INC-000001", ChatPlatform.SLACK, "T1", " ", null, null, NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void repliesGuardTheirInvariants() {
		ChatConversation conversation = new ChatConversation("INC-000001", ChatPlatform.TEAMS, "tenant", "19:x", null,
				null, NOW);
		assertThatThrownBy(() -> ChatReply.update("e1", conversation, ChatReply.Kind.ANSWER, "text", NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ChatReply.answer("e2", ChatPlatform.SLACK, "INC-000001", " ", "text", NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ChatReply.update("e3", conversation, ChatReply.Kind.UPDATE, " ", NOW))
			.isInstanceOf(IllegalArgumentException.class);
		ChatReply longOne = ChatReply.update("e4", conversation, ChatReply.Kind.UPDATE, "x".repeat(5000), NOW);
		assertThat(longOne.getText()).hasSize(ChatReply.TEXT_MAX).endsWith("…");
		assertThat(longOne.getStatus()).isEqualTo(ChatReply.Status.PENDING);
		longOne.failed("HTTP 500", NOW, NOW.plusSeconds(10), false);
		assertThat(longOne.getStatus()).isEqualTo(ChatReply.Status.PENDING);
		longOne.failed("HTTP 500", NOW, NOW.plusSeconds(20), true);
		assertThat(longOne.getStatus()).isEqualTo(ChatReply.Status.FAILED);
		assertThat(longOne.getAttempts()).isEqualTo(2);
	}

}
