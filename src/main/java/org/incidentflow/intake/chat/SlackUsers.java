package org.incidentflow.intake.chat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.incidentflow.chat.ChatPlatform;
import org.incidentflow.chat.ChatSettings;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.persistence.TransactionRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Slack user's e-mail address, for mapping a Slack user that no administrator linked to the product user with that
 * address: Slack's {@code users.info} with the bot token (scope {@code users:read.email}), remembered in the database
 * ({@link ChatUserEmail}) for {@code incidentflow.chat.slack.email-cache-ttl}. Without a bot token nothing is looked
 * up. The call has a short timeout: it runs inside Slack's three seconds; when Slack does not answer in time an
 * address remembered earlier is used, else the user is treated as unknown (and told so).
 */
@Component
public class SlackUsers {

	private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

	static final Duration TIMEOUT = Duration.ofMillis(1500);

	private final ChatSettings settings;
	private final ChatUserEmailRepository emails;
	private final TransactionRetry transactions;
	private final ObjectMapper json = new ObjectMapper();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER).build();

	public SlackUsers(ChatSettings settings, ChatUserEmailRepository emails, TransactionRetry transactions) {
		this.settings = settings;
		this.emails = emails;
		this.transactions = transactions;
	}

	public Optional<String> email(String team, String user) {
		if (!settings.getSlack().hasBotToken() || team == null || user == null || !user.matches("[A-Z0-9]{2,40}")) {
			return Optional.empty();
		}
		String platform = ChatPlatform.SLACK.code();
		String externalId = team + ":" + user;
		Instant now = ActivityLog.now();
		Optional<ChatUserEmail> cached = transactions.inNewTransaction("slack email cache",
				() -> emails.findByPlatformAndExternalId(platform, externalId));
		if (cached.isPresent()
				&& cached.get().getLookedUpAt().plus(settings.getSlack().getEmailCacheTtl()).isAfter(now)) {
			return Optional.ofNullable(cached.get().getEmail());
		}
		Optional<Optional<String>> looked = lookUp(user);
		if (looked.isEmpty()) {
			return cached.map(ChatUserEmail::getEmail);
		}
		String email = looked.get().orElse(null);
		try {
			transactions.inNewTransaction("slack email remember", () -> {
				emails.findByPlatformAndExternalId(platform, externalId).ifPresentOrElse(
						row -> row.lookedUp(email, now),
						() -> emails.saveAndFlush(new ChatUserEmail(platform, externalId, email, now)));
				return null;
			});
		}
		catch (DataIntegrityViolationException e) {
			// another node remembered the same user at the same moment: its row serves as well
		}
		return Optional.ofNullable(email);
	}

	/** Empty when Slack could not be asked; an empty inner value when Slack gave no address. */
	private Optional<Optional<String>> lookUp(String user) {
		HttpRequest request = HttpRequest.newBuilder(settings.getSlack().getApiUrl()
				.resolve("users.info?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + settings.getSlack().getBotToken())
			.GET().build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				log.warn("Slack users.info for {} answered HTTP {}", user, response.statusCode());
				return Optional.empty();
			}
			JsonNode answer = json.readTree(response.body());
			if (!answer.path("ok").asBoolean(false)) {
				log.warn("Slack users.info for {} refused: {}", user, answer.path("error").asText("no error given"));
				return answer.path("error").asText("").equals("user_not_found") ? Optional.of(Optional.empty())
						: Optional.empty();
			}
			JsonNode email = answer.path("user").path("profile").path("email");
			return Optional.of(email.isTextual() && !email.asText().isBlank() ? Optional.of(email.asText().trim())
					: Optional.empty());
		}
		catch (IOException | RuntimeException e) {
			log.warn("Slack users.info for {} failed: {}", user, e.toString());
			return Optional.empty();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
