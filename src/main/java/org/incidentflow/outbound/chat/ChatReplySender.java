package org.incidentflow.outbound.chat;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.incidentflow.chat.ChatConversation;
import org.incidentflow.chat.ChatConversationRepository;
import org.incidentflow.chat.ChatReply;
import org.incidentflow.chat.ChatReplyRepository;
import org.incidentflow.chat.ChatSettings;
import org.incidentflow.chat.ResolutionButtons;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.outbound.OutboxDrain;
import org.incidentflow.outbound.webhook.TargetGuard;
import org.incidentflow.outbound.webhook.WebhookSettings;
import org.incidentflow.persistence.TransactionRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts the chat replies queued by {@link ChatReplyOutbox} (and the answers the Slack intake queues), through the
 * shared outbox drain: a lease per row, the outcome recorded, failures retried with backoff and given up after
 * {@code incidentflow.chat.replies.max-attempts}. Where it posts:
 * <ul>
 * <li>Slack with a bot token: {@code chat.postMessage} into the channel; the first message's {@code ts} becomes the
 * incident's thread and later replies go there ({@code thread_ts}). Without a token: the command's
 * {@code response_url} (Slack accepts it for 30 minutes). A resolution carries the confirm and reject buttons.</li>
 * <li>Mattermost: the configured incoming webhook (in the command's channel), else the command's response_url.</li>
 * <li>Teams: the configured incoming webhook, as an Adaptive Card.</li>
 * </ul>
 * Every connection goes through the webhooks' {@link TargetGuard} (no internal addresses unless allowed), with short
 * timeouts and no redirects. A crash between posting and recording posts again: chat platforms have no idempotency
 * key, so at least once here can, rarely, be twice.
 */
@Component
public class ChatReplySender implements OutboxDrain.Channel, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChatReplySender.class);

	private final ChatSettings settings;
	private final ChatReplyRepository replies;
	private final ChatConversationRepository conversations;
	private final TransactionRetry transactions;
	private final CloseableHttpClient http;
	private final ObjectMapper json = new ObjectMapper();

	public ChatReplySender(ChatSettings settings, WebhookSettings webhooks, ChatReplyRepository replies,
			ChatConversationRepository conversations, TransactionRetry transactions, TargetGuard guard) {
		this.settings = settings;
		this.replies = replies;
		this.conversations = conversations;
		this.transactions = transactions;
		this.http = guard.httpClient(webhooks.getConnectTimeout(), webhooks.getReadTimeout(), 10, "IncidentFlow-Chat/1");
	}

	public OutboxDrain.Result drain(Instant now) {
		return OutboxDrain.drain("chat outbox", this, transactions, now, settings.getReplies().getLease(),
				settings.getReplies().getBatchSize());
	}

	public OutboxDrain.Result drain() {
		return drain(ActivityLog.now());
	}

	@Override
	public List<Long> dueIds(Instant now, int batchSize) {
		return replies.findDueIds(now, PageRequest.of(0, batchSize));
	}

	@Override
	public int claim(Long id, Instant now, Instant until) {
		return replies.claim(id, now, until);
	}

	private record Work(ChatReply reply, ChatConversation conversation) {
	}

	/** What came back: an error to retry (null when posted), and a Slack thread to remember. */
	private record Answer(String error, String thread) {

		static Answer ok(String thread) {
			return new Answer(null, thread);
		}

		static Answer failed(String error) {
			return new Answer(error, null);
		}

	}

	@Override
	public OutboxDrain.Outcome deliver(Long id, Instant now) {
		Work work = transactions.inNewTransaction("chat read", () -> {
			ChatReply reply = replies.findById(id).orElseThrow();
			return new Work(reply, reply.getConversationId() == null ? null
					: conversations.findById(reply.getConversationId()).orElse(null));
		});
		ChatReply reply = work.reply();
		Answer answer;
		try {
			answer = post(reply, work.conversation());
		}
		catch (RuntimeException e) {
			answer = Answer.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		Answer outcome = answer;
		if (outcome.error() == null) {
			transactions.inNewTransaction("chat posted", () -> {
				replies.findById(id).orElseThrow().sent(now);
				if (outcome.thread() != null && reply.getConversationId() != null) {
					conversations.findById(reply.getConversationId()).ifPresent(c -> c.startedThread(outcome.thread()));
				}
				return null;
			});
			log.info("Posted {} {} of {} to {}", reply.getKind(), reply.getEventId(), reply.getIncidentNumber(),
					reply.getPlatform());
			return OutboxDrain.Outcome.SENT;
		}
		int attempts = reply.getAttempts() + 1;
		ChatSettings.Replies config = settings.getReplies();
		boolean giveUp = attempts >= config.getMaxAttempts();
		Instant next = now.plus(OutboxDrain.backoff(attempts, config.getInitialBackoff(), config.getMaxBackoff()));
		transactions.inNewTransaction("chat failed", () -> {
			replies.findById(id).orElseThrow().failed(outcome.error(), now, next, giveUp);
			return null;
		});
		if (giveUp) {
			log.error("Chat reply {} of {} to {} given up after {} attempts: {}", reply.getEventId(),
					reply.getIncidentNumber(), reply.getPlatform(), attempts, outcome.error());
		}
		else {
			log.warn("Chat reply {} of {} to {} failed (attempt {}), next attempt at {}: {}", reply.getEventId(),
					reply.getIncidentNumber(), reply.getPlatform(), attempts, next, outcome.error());
		}
		return OutboxDrain.Outcome.FAILED;
	}

	private Answer post(ChatReply reply, ChatConversation conversation) throws RuntimeException {
		if (reply.getKind() == ChatReply.Kind.ANSWER) {
			ObjectNode body = json.createObjectNode().put("response_type", "ephemeral").put("replace_original", false)
				.put("text", reply.getText());
			return plain(reply.getResponseUrl(), body, null);
		}
		if (conversation == null) {
			return Answer.failed("The conversation of this reply no longer exists.");
		}
		return switch (conversation.getPlatform()) {
			case SLACK -> slack(reply, conversation);
			case MATTERMOST -> mattermost(reply, conversation);
			case TEAMS -> teams(reply);
		};
	}

	private Answer slack(ChatReply reply, ChatConversation conversation) {
		String text = slackEscape(reply.getText());
		if (settings.getSlack().hasBotToken()) {
			ObjectNode body = json.createObjectNode().put("channel", conversation.getChannel()).put("text", text);
			if (conversation.getThreadRef() != null) {
				body.put("thread_ts", conversation.getThreadRef());
			}
			if (reply.getKind() == ChatReply.Kind.RESOLUTION) {
				body.set("blocks", resolutionBlocks(text, reply.getIncidentNumber()));
			}
			URI url = settings.getSlack().getApiUrl().resolve("chat.postMessage");
			return send(url.toString(), body, "Bearer " + settings.getSlack().getBotToken(), response -> {
				JsonNode answer = json.readTree(response);
				if (!answer.path("ok").asBoolean(false)) {
					return Answer.failed("Slack chat.postMessage: " + answer.path("error").asText("not ok"));
				}
				return Answer.ok(conversation.getThreadRef() == null ? answer.path("ts").asText(null) : null);
			});
		}
		if (conversation.getResponseUrl() == null) {
			return Answer.failed("No SLACK_BOT_TOKEN and no response_url: nowhere to post.");
		}
		ObjectNode body = json.createObjectNode().put("response_type", "in_channel").put("replace_original", false)
			.put("text", text);
		if (reply.getKind() == ChatReply.Kind.RESOLUTION) {
			body.set("blocks", resolutionBlocks(text, reply.getIncidentNumber()));
		}
		return plain(conversation.getResponseUrl(), body, null);
	}

	private Answer mattermost(ChatReply reply, ChatConversation conversation) {
		String webhook = settings.getMattermost().getWebhookUrl();
		if (!ChatRoutes.blank(webhook)) {
			ObjectNode body = json.createObjectNode().put("text", reply.getText());
			if (conversation.getChannelName() != null) {
				body.put("channel", conversation.getChannelName());
			}
			return plain(webhook, body, null);
		}
		if (conversation.getResponseUrl() == null) {
			return Answer.failed("No MATTERMOST_WEBHOOK_URL and no response_url: nowhere to post.");
		}
		return plain(conversation.getResponseUrl(),
				json.createObjectNode().put("response_type", "in_channel").put("text", reply.getText()), null);
	}

	private Answer teams(ChatReply reply) {
		String webhook = settings.getTeams().getWebhookUrl();
		if (ChatRoutes.blank(webhook)) {
			return Answer.failed("No TEAMS_WEBHOOK_URL: nowhere to post.");
		}
		ObjectNode card = json.createObjectNode().put("type", "AdaptiveCard").put("version", "1.4")
			.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.putArray("body").addObject().put("type", "TextBlock").put("text", reply.getText()).put("wrap", true);
		ObjectNode body = json.createObjectNode().put("type", "message");
		body.putArray("attachments").addObject()
			.put("contentType", "application/vnd.microsoft.card.adaptive").set("content", card);
		return plain(webhook, body, null);
	}

	/** Slack's blocks for a resolution notice: the text, then the confirm and reject buttons. */
	ArrayNode resolutionBlocks(String text, String number) {
		ArrayNode blocks = json.createArrayNode();
		blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", text);
		ObjectNode actions = blocks.addObject().put("type", "actions").put("block_id", "resolution_" + number);
		ArrayNode elements = actions.putArray("elements");
		ObjectNode confirm = elements.addObject().put("type", "button").put("action_id", ResolutionButtons.CONFIRM)
			.put("style", "primary").put("value", number);
		confirm.putObject("text").put("type", "plain_text").put("text", "Confirm resolution");
		ObjectNode reject = elements.addObject().put("type", "button").put("action_id", ResolutionButtons.REJECT)
			.put("style", "danger").put("value", number);
		reject.putObject("text").put("type", "plain_text").put("text", "Reject");
		return blocks;
	}

	/** Slack's three control characters in text it would otherwise read as markup (mentions, links). */
	static String slackEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private interface Reading {
		Answer read(String body) throws IOException;
	}

	private Answer plain(String url, ObjectNode body, String authorization) {
		return send(url, body, authorization, response -> Answer.ok(null));
	}

	private Answer send(String url, ObjectNode body, String authorization, Reading reading) {
		HttpPost request;
		String payload;
		try {
			request = new HttpPost(url);
			payload = json.writeValueAsString(body);
		}
		catch (IllegalArgumentException | JsonProcessingException e) {
			return Answer.failed("Not a usable URL or body: " + e.getMessage());
		}
		if (authorization != null) {
			request.setHeader("Authorization", authorization);
		}
		request.setEntity(new StringEntity(payload, ContentType.APPLICATION_JSON));
		try {
			return http.execute(request, response -> {
				int code = response.getCode();
				String answer = response.getEntity() == null ? ""
						: EntityUtils.toString(response.getEntity(), 64 * 1024);
				if (code < 200 || code >= 300) {
					return Answer.failed("HTTP " + code + (code >= 300 && code < 400 ? " (redirects are not followed)"
							: ""));
				}
				return reading.read(answer);
			});
		}
		catch (TargetGuard.RefusedTarget e) {
			return Answer.failed("Refused: " + e.getMessage());
		}
		catch (IOException | RuntimeException e) {
			return Answer.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
	}


	@Override
	public void destroy() throws IOException {
		http.close();
	}

}
