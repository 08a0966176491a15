package org.incidentflow.intake.chat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The e-mail address a chat platform gave for one of its users (Slack's users.info), kept in the database so every
 * node shares it and Slack is asked again only after the configured time. A null address means the platform gave
 * none (no scope, a bot, a guest without e-mail): remembered too, so each command does not ask again.
 */
@Entity
@Table(name = "chat_user_email")
public class ChatUserEmail {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 20)
	private String platform;

	@Column(name = "external_id", nullable = false, updatable = false, length = 200)
	private String externalId;

	@Column(length = 320)
	private String email;

	@Column(name = "looked_up_at", nullable = false)
	private Instant lookedUpAt;

	protected ChatUserEmail() {
	}

	public ChatUserEmail(String platform, String externalId, String email, Instant now) {
		this.platform = platform;
		this.externalId = externalId;
		lookedUp(email, now);
	}

	public final void lookedUp(String email, Instant now) {
		this.email = email == null || email.isBlank() || email.length() > 320 ? null : email.trim();
		this.lookedUpAt = now;
	}

	public String getEmail() { return email; }
	public Instant getLookedUpAt() { return lookedUpAt; }

}
