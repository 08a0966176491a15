package org.incidentflow.intake.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code incidentflow.chat.*}: the chat platforms' credentials. */
@ConfigurationProperties("incidentflow.chat")
public class ChatSettings {

	private final Slack slack = new Slack();

	public static class Slack {
		/** The app's signing secret (Basic Information → App Credentials); empty: the Slack endpoint refuses all. */
		private String signingSecret = "";

		public String getSigningSecret() { return signingSecret; }
		public void setSigningSecret(String signingSecret) { this.signingSecret = signingSecret; }
	}

	public Slack getSlack() { return slack; }

}
