package org.incidentflow.intake.chat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Which product user a chat user is, as an administrator linked them: a chat command acts as that user, and only
 * as that user. One link per chat user (unique platform + external id).
 */
@Entity
@Table(name = "chat_identity")
public class ChatIdentity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** {@code slack}, {@code mattermost} or {@code teams}. */
	@Column(nullable = false, updatable = false, length = 20)
	private String platform;

	/** Slack, Mattermost: {@code {team_id}:{user_id}} (e.g. {@code T1DC2JH3J:U2CERLKJA}); Teams: {@code {tenant id}:{aadObjectId}}. */
	@Column(name = "external_id", nullable = false, updatable = false, length = 200)
	private String externalId;

	@Column(name = "user_id", nullable = false, length = 100)
	private String userId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false, length = 100)
	private String createdBy;

	protected ChatIdentity() {
	}

	public ChatIdentity(String platform, String externalId, String userId, String createdBy, Instant now) {
		this.platform = platform;
		this.externalId = externalId;
		this.userId = userId;
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	public Long getId() { return id; }
	public String getPlatform() { return platform; }
	public String getExternalId() { return externalId; }
	public String getUserId() { return userId; }
	public Instant getCreatedAt() { return createdAt; }
	public String getCreatedBy() { return createdBy; }

}
