package org.incidentflow.chat;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incidentflow.chat.*}: the chat platforms' credentials and where replies are posted. An empty secret or
 * token turns that platform's intake off (every request is refused); an empty reply target means no replies are
 * queued for that platform.
 */
@ConfigurationProperties("incidentflow.chat")
public class ChatSettings {

	private final Slack slack = new Slack();
	private final Mattermost mattermost = new Mattermost();
	private final Teams teams = new Teams();
	private final Replies replies = new Replies();

	public static class Slack {
		/** The app's signing secret (Basic Information → App Credentials); empty: the Slack endpoints refuse all. */
		private String signingSecret = "";
		/** The bot token ({@code xoxb-…}, scopes chat:write, users:read, users:read.email): replies and e-mail mapping. */
		private String botToken = "";
		/** Slack's Web API; changed only to point tests at a local receiver. */
		private URI apiUrl = URI.create("https://slack.com/api/");
		/** How long a Slack user's e-mail address, looked up with users.info, is trusted before it is looked up again. */
		private Duration emailCacheTtl = Duration.ofDays(1);

		public String getSigningSecret() { return signingSecret; }
		public void setSigningSecret(String signingSecret) { this.signingSecret = signingSecret; }
		public String getBotToken() { return botToken; }
		public void setBotToken(String botToken) { this.botToken = botToken; }
		public URI getApiUrl() { return apiUrl; }
		public void setApiUrl(URI apiUrl) { this.apiUrl = apiUrl; }
		public Duration getEmailCacheTtl() { return emailCacheTtl; }
		public void setEmailCacheTtl(Duration emailCacheTtl) { this.emailCacheTtl = emailCacheTtl; }
		public boolean hasBotToken() { return botToken != null && !botToken.isBlank(); }
	}

	public static class Mattermost {
		/** The slash command's token (Integrations → Slash Commands); empty: the Mattermost endpoint refuses all. */
		private String token = "";
		/** An incoming webhook URL that replies are posted to (in the channel the command was given in). */
		private String webhookUrl = "";

		public String getToken() { return token; }
		public void setToken(String token) { this.token = token; }
		public String getWebhookUrl() { return webhookUrl; }
		public void setWebhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; }
	}

	public static class Teams {
		/** The outgoing webhook's security token (base64, shown once when it is created); empty: refuse all. */
		private String secret = "";
		/** An incoming webhook URL (Workflows or connector) of the team's channel that replies are posted to. */
		private String webhookUrl = "";

		public String getSecret() { return secret; }
		public void setSecret(String secret) { this.secret = secret; }
		public String getWebhookUrl() { return webhookUrl; }
		public void setWebhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; }
	}

	/** The chat channel of the outbox. */
	public static class Replies {
		private boolean pollEnabled = true;
		private int maxAttempts = 6;
		private Duration initialBackoff = Duration.ofSeconds(10);
		private Duration maxBackoff = Duration.ofMinutes(30);
		private Duration lease = Duration.ofMinutes(2);
		private int batchSize = 50;

		public boolean isPollEnabled() { return pollEnabled; }
		public void setPollEnabled(boolean pollEnabled) { this.pollEnabled = pollEnabled; }
		public int getMaxAttempts() { return maxAttempts; }
		public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
		public Duration getInitialBackoff() { return initialBackoff; }
		public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
		public Duration getMaxBackoff() { return maxBackoff; }
		public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
		public Duration getLease() { return lease; }
		public void setLease(Duration lease) { this.lease = lease; }
		public int getBatchSize() { return batchSize; }
		public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
	}

	public Slack getSlack() { return slack; }
	public Mattermost getMattermost() { return mattermost; }
	public Teams getTeams() { return teams; }
	public Replies getReplies() { return replies; }

}
