package org.incidentflow.intake.chat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.incidentflow.chat.ChatPlatform;
import org.incidentflow.chat.ChatSettings;
import org.incidentflow.incident.ActivityLog;
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
 * Microsoft Teams outgoing webhook endpoint: a user @mentions the webhook ("@Incident status INC-000123") and Teams
 * posts the message as a Bot Framework activity, signed with {@code Authorization: HMAC …} (see
 * {@link TeamsSignature}); a missing or wrong signature is a 401 and nothing is read or stored. Teams signs no
 * timestamp: an activity whose own timestamp is more than five minutes away is refused as a replay, and a repeated
 * activity id opens nothing twice. The answer is posted by Teams as the reply in the thread.
 */
@RestController
@RequestMapping(path = "/api/intake/teams", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Chat intake")
public class TeamsIntakeController {

	private static final Logger log = LoggerFactory.getLogger(TeamsIntakeController.class);

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	/** The mention of the webhook, any other markup Teams adds, and the optional command word. */
	private static final Pattern MENTION = Pattern.compile("(?is)<at>.*?</at>");
	private static final Pattern TAG = Pattern.compile("(?s)<[^>]{0,200}>");
	private static final Pattern COMMAND_WORD = Pattern.compile("(?i)^/?incident\\b\\s*");

	private final ChatSettings settings;
	private final ChatCommands commands;
	private final ObjectMapper json = new ObjectMapper();

	public TeamsIntakeController(ChatSettings settings, ChatCommands commands) {
		this.settings = settings;
		this.commands = commands;
	}

	public record TeamsReply(String type, String text) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Microsoft Teams outgoing webhook", description = "Signed by Teams (Authorization: HMAC <base64 HMAC-SHA256 of the body with the base64-decoded security token>); the reply is posted in the thread.")
	@ApiResponse(responseCode = "200", description = "The reply Teams posts")
	@ApiResponse(responseCode = "400", description = "Not a Teams message activity")
	@ApiResponse(responseCode = "401", description = "Unsigned, wrongly signed, or a replay (timestamp more than 5 minutes away)")
	@ApiResponse(responseCode = "413", description = "Body larger than 64 KB")
	public TeamsReply message(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE)) HttpServletRequest body,
			@RequestHeader(name = "Authorization", required = false) String authorization) {
		byte[] raw = ChatIntakeSupport.rawBody(body);
		String secret = settings.getTeams().getSecret();
		if (!TeamsSignature.usable(secret)) {
			throw ChatIntakeSupport.unauthorized("Teams intake not configured",
					"Set TEAMS_SECRET (the outgoing webhook's base64 security token) to accept Teams messages.");
		}
		TeamsSignature.Verdict verdict = TeamsSignature.check(secret, authorization, raw);
		if (verdict != TeamsSignature.Verdict.VALID) {
			log.warn("Teams message refused: {}", verdict);
			throw ChatIntakeSupport.unauthorized("Invalid Teams signature", verdict == TeamsSignature.Verdict.UNSIGNED
					? "Authorization: HMAC <signature> is required." : "The signature does not match the body.");
		}
		JsonNode activity;
		try {
			activity = json.readTree(raw);
		}
		catch (IOException e) {
			throw new InvalidRequestException("body", "must be a Teams activity (JSON)");
		}
		if (activity == null || !activity.isObject()) {
			throw new InvalidRequestException("body", "must be a Teams activity (a JSON object)");
		}
		Instant sent = timestamp(activity.path("timestamp").asText(null));
		if (sent == null) {
			throw new InvalidRequestException("timestamp", "must be the activity's ISO-8601 timestamp");
		}
		if (Duration.between(sent, ActivityLog.now()).abs().compareTo(MAX_AGE) > 0) {
			log.warn("Teams message refused: timestamp {} is more than {} away", sent, MAX_AGE);
			throw ChatIntakeSupport.unauthorized("Expired Teams message",
					"The activity's timestamp is more than 5 minutes away (a replay?).");
		}
		JsonNode from = activity.path("from");
		String user = from.path("aadObjectId").asText(from.path("id").asText(null));
		String tenant = activity.path("channelData").path("tenant").path("id")
			.asText(activity.path("conversation").path("tenantId").asText(null));
		String conversation = activity.path("conversation").path("id").asText(null);
		String reply = commands.handle(new ChatRequest(ChatPlatform.TEAMS, tenant, user,
				text(activity.path("text").asText("")), "@Incident", activity.path("id").asText(null), conversation,
				activity.path("channelData").path("channel").path("name").asText(null), null));
		return new TeamsReply("message", reply);
	}

	/** What the user wrote after the mention, without Teams' HTML. */
	static String text(String html) {
		String text = MENTION.matcher(html).replaceAll(" ");
		text = TAG.matcher(text).replaceAll(" ");
		text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&#39;", "'").replace("&amp;", "&").strip();
		return COMMAND_WORD.matcher(text).replaceFirst("").strip();
	}

	private static Instant timestamp(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.trim()).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return Instant.parse(text.trim());
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

}
