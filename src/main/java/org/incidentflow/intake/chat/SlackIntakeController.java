package org.incidentflow.intake.chat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Slack's slash command endpoint. No HTTP Basic (Slack cannot send it): the request's Slack signature is its
 * authentication, checked over the raw body before anything is read from it; a missing, wrong or expired signature
 * is a 401 and nothing is stored.
 */
@RestController
@RequestMapping(path = "/api/intake/slack", produces = MediaType.APPLICATION_JSON_VALUE)
@EnableConfigurationProperties(ChatSettings.class)
@Tag(name = "Chat intake", description = "Slack slash command /incident (docs/integrations.md)")
public class SlackIntakeController {

	private static final Logger log = LoggerFactory.getLogger(SlackIntakeController.class);

	private final ChatSettings settings;
	private final SlackCommands commands;

	public SlackIntakeController(ChatSettings settings, SlackCommands commands) {
		this.settings = settings;
		this.commands = commands;
	}

	public record SlackReply(String response_type, String text) {
	}

	@PostMapping(path = "/commands", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "Slack slash command", description = "Signed by Slack (X-Slack-Signature over v0:{timestamp}:{body}); answers with an ephemeral message.")
	@ApiResponse(responseCode = "200", description = "The reply shown to the user")
	@ApiResponse(responseCode = "401", description = "Unsigned, wrongly signed or replayed (timestamp more than 5 minutes away)")
	public SlackReply command(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "X-Slack-Request-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Slack-Signature", required = false) String signature) {
		String secret = settings.getSlack().getSigningSecret();
		if (secret == null || secret.isBlank()) {
			throw Problems.of(HttpStatus.UNAUTHORIZED, "Slack intake not configured",
					"Set SLACK_SIGNING_SECRET to accept Slack commands.");
		}
		byte[] raw = body == null ? new byte[0] : body;
		SlackSignature.Verdict verdict = SlackSignature.check(secret, timestamp, signature, raw, ActivityLog.now());
		if (verdict != SlackSignature.Verdict.VALID) {
			log.warn("Slack command refused: {}", verdict);
			throw Problems.of(HttpStatus.UNAUTHORIZED, "Invalid Slack signature", switch (verdict) {
				case UNSIGNED -> "X-Slack-Signature and X-Slack-Request-Timestamp are required.";
				case EXPIRED -> "The request timestamp is more than 5 minutes away (a replay?).";
				default -> "The signature does not match the body.";
			});
		}
		return new SlackReply("ephemeral", commands.handle(form(new String(raw, StandardCharsets.UTF_8))));
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				form.putIfAbsent(name, value);
			}
			catch (IllegalArgumentException e) {
				// a malformed escape: the field is left out
			}
		}
		return form;
	}

}
