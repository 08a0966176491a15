package org.incidentflow.intake.chat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.incidentflow.chat.ChatPlatform;
import org.incidentflow.chat.ChatSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Mattermost's slash command endpoint. Mattermost authenticates a slash command with the token it generated for it,
 * sent as {@code Authorization: Token <token>} and as the form field {@code token}; either must equal
 * {@code MATTERMOST_TOKEN}, compared in constant time, or the request is a 401 and nothing is read or stored.
 */
@RestController
@RequestMapping(path = "/api/intake/mattermost", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Chat intake")
public class MattermostIntakeController {

	private static final Logger log = LoggerFactory.getLogger(MattermostIntakeController.class);

	private final ChatSettings settings;
	private final ChatCommands commands;

	public MattermostIntakeController(ChatSettings settings, ChatCommands commands) {
		this.settings = settings;
		this.commands = commands;
	}

	public record MattermostReply(String response_type, String text) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "Mattermost slash command", description = "Authenticated by the slash command's token (Authorization: Token … or the form field token); answers with an ephemeral message.")
	@ApiResponse(responseCode = "200", description = "The reply shown to the user")
	@ApiResponse(responseCode = "401", description = "No token, or not the configured one")
	@ApiResponse(responseCode = "413", description = "Body larger than 64 KB")
	public MattermostReply command(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE)) HttpServletRequest body,
			@RequestHeader(name = "Authorization", required = false) String authorization) {
		byte[] raw = ChatIntakeSupport.rawBody(body);
		String expected = settings.getMattermost().getToken();
		if (expected == null || expected.isBlank()) {
			throw ChatIntakeSupport.unauthorized("Mattermost intake not configured",
					"Set MATTERMOST_TOKEN to accept Mattermost commands.");
		}
		Map<String, String> form = ChatIntakeSupport.form(new String(raw, StandardCharsets.UTF_8));
		String header = authorization != null && authorization.regionMatches(true, 0, "Token ", 0, 6)
				? authorization.substring(6).trim() : null;
		String given = header != null ? header : form.get("token");
		if (!ChatIntakeSupport.sameInConstantTime(expected, given)) {
			log.warn("Mattermost command refused: {}", given == null ? "no token" : "wrong token");
			throw ChatIntakeSupport.unauthorized("Invalid Mattermost token", given == null
					? "The slash command's token is required (Authorization: Token …)."
					: "The token is not the one configured for this slash command.");
		}
		return new MattermostReply("ephemeral", commands.handle(new ChatRequest(ChatPlatform.MATTERMOST,
				form.get("team_id"), form.get("user_id"), form.getOrDefault("text", ""),
				form.getOrDefault("command", "/incident"), form.get("trigger_id"), form.get("channel_id"),
				form.get("channel_name"), form.get("response_url"))));
	}

}
