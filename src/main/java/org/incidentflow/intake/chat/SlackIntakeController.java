package org.incidentflow.intake.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.incidentflow.chat.ChatPlatform;
import org.incidentflow.chat.ChatReply;
import org.incidentflow.chat.ChatReplyRepository;
import org.incidentflow.chat.ChatSettings;
import org.incidentflow.chat.ResolutionButtons;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.persistence.TransactionRetry;
import org.incidentflow.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Slack's slash command and interactivity endpoints. No HTTP Basic (Slack cannot send it): the request's Slack
 * signature is its authentication, checked over the raw body before anything is read from it; a missing, wrong or
 * expired signature is a 401 and nothing is stored.
 */
@RestController
@RequestMapping(path = "/api/intake/slack", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Chat intake", description = "The /incident command from Slack, Mattermost and Teams (docs/integrations.md)")
public class SlackIntakeController {

	private static final Logger log = LoggerFactory.getLogger(SlackIntakeController.class);

	private static final Pattern NUMBER = Pattern.compile("^INC-\\d{1,12}$");

	private final ChatSettings settings;
	private final ChatCommands commands;
	private final ChatReplyRepository replies;
	private final TransactionRetry transactions;
	private final ObjectMapper json = new ObjectMapper();

	public SlackIntakeController(ChatSettings settings, ChatCommands commands, ChatReplyRepository replies,
			TransactionRetry transactions) {
		this.settings = settings;
		this.commands = commands;
		this.replies = replies;
		this.transactions = transactions;
	}

	public record SlackReply(String response_type, Boolean replace_original, String text) {

		static SlackReply ephemeral(String text) {
			return new SlackReply("ephemeral", false, text);
		}

	}

	@PostMapping(path = "/commands", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "Slack slash command", description = "Signed by Slack (X-Slack-Signature over v0:{timestamp}:{body}); answers with an ephemeral message.")
	@ApiResponse(responseCode = "200", description = "The reply shown to the user")
	@ApiResponse(responseCode = "401", description = "Unsigned, wrongly signed or replayed (timestamp more than 5 minutes away)")
	@ApiResponse(responseCode = "413", description = "Body larger than 64 KB")
	public SlackReply command(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE)) HttpServletRequest body,
			@RequestHeader(name = "X-Slack-Request-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Slack-Signature", required = false) String signature) {
		byte[] raw = verified(body, timestamp, signature);
		Map<String, String> form = ChatIntakeSupport.form(new String(raw, StandardCharsets.UTF_8));
		return SlackReply.ephemeral(commands.handle(new ChatRequest(ChatPlatform.SLACK, form.get("team_id"),
				form.get("user_id"), form.getOrDefault("text", ""), form.getOrDefault("command", "/incident"),
				form.get("trigger_id"), form.get("channel_id"), form.get("channel_name"), form.get("response_url"))));
	}

	@PostMapping(path = "/interactions", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "Slack interactivity (buttons of a resolution notice)", description = "Signed like the slash command; the form field payload holds Slack's block_actions JSON. Confirm completes the caller's confirmation task; reject asks for the reason (/incident reject INC-… <reason>). The answer is also posted to the response_url, shown only to the user who pressed the button.")
	@ApiResponse(responseCode = "200", description = "Acknowledged; the answer to the user")
	@ApiResponse(responseCode = "400", description = "No payload, or a payload that is not Slack's JSON")
	@ApiResponse(responseCode = "401", description = "Unsigned, wrongly signed or replayed (timestamp more than 5 minutes away)")
	@ApiResponse(responseCode = "413", description = "Body larger than 64 KB")
	public SlackReply interaction(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE)) HttpServletRequest body,
			@RequestHeader(name = "X-Slack-Request-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Slack-Signature", required = false) String signature) {
		byte[] raw = verified(body, timestamp, signature);
		String payload = ChatIntakeSupport.form(new String(raw, StandardCharsets.UTF_8)).get("payload");
		if (payload == null || payload.isBlank()) {
			throw new InvalidRequestException("payload", "is required (Slack's interaction JSON)");
		}
		JsonNode interaction;
		try {
			interaction = json.readTree(payload);
		}
		catch (IOException e) {
			throw new InvalidRequestException("payload", "must be JSON");
		}
		if (interaction == null || !interaction.isObject()) {
			throw new InvalidRequestException("payload", "must be a JSON object");
		}
		if (!"block_actions".equals(interaction.path("type").asText())) {
			return SlackReply.ephemeral("Nothing to do for a " + interaction.path("type").asText("?") + " interaction.");
		}
		String team = interaction.path("user").path("team_id").asText(interaction.path("team").path("id").asText(null));
		String user = interaction.path("user").path("id").asText(null);
		JsonNode action = interaction.path("actions").path(0);
		String actionId = action.path("action_id").asText("");
		String number = action.path("value").asText("");
		String answer;
		if (!NUMBER.matcher(number).matches()) {
			answer = "This button names no incident; nothing was done.";
		}
		else if (ResolutionButtons.CONFIRM.equals(actionId)) {
			answer = commands.handle(new ChatRequest(ChatPlatform.SLACK, team, user, "confirm " + number, "/incident",
					null, null, null, null));
		}
		else if (ResolutionButtons.REJECT.equals(actionId)) {
			// a reason is required; a plain reply asking for it is what Slack supports without a modal and a bot token
			answer = "To reject the resolution of " + number + ", tell us what is still wrong: `/incident reject "
					+ number + " <what is still wrong>`.";
		}
		else {
			answer = "Unknown action " + ChatCommands.cut(actionId, 60) + "; nothing was done.";
		}
		String responseUrl = interaction.path("response_url").asText("");
		if (!responseUrl.isBlank() && responseUrl.length() <= 2000) {
			// Slack shows nothing of the acknowledgement of a button: the answer goes to the user through the outbox
			String eventId = "ans_" + UUID.randomUUID().toString().replace("-", "");
			String incident = NUMBER.matcher(number).matches() ? number : "-";
			transactions.inNewTransaction("slack answer", () -> replies.save(ChatReply.answer(eventId,
					ChatPlatform.SLACK, incident, responseUrl, answer, ActivityLog.now())));
		}
		return SlackReply.ephemeral(answer);
	}

	private byte[] verified(HttpServletRequest body, String timestamp, String signature) {
		byte[] raw = ChatIntakeSupport.rawBody(body);
		String secret = settings.getSlack().getSigningSecret();
		if (secret == null || secret.isBlank()) {
			throw ChatIntakeSupport.unauthorized("Slack intake not configured",
					"Set SLACK_SIGNING_SECRET to accept Slack requests.");
		}
		SlackSignature.Verdict verdict = SlackSignature.check(secret, timestamp, signature, raw, ActivityLog.now());
		if (verdict != SlackSignature.Verdict.VALID) {
			log.warn("Slack request refused: {}", verdict);
			throw ChatIntakeSupport.unauthorized("Invalid Slack signature", switch (verdict) {
				case UNSIGNED -> "X-Slack-Signature and X-Slack-Request-Timestamp are required.";
				case EXPIRED -> "The request timestamp is more than 5 minutes away (a replay?).";
				default -> "The signature does not match the body.";
			});
		}
		return raw;
	}

}
