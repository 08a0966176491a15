package org.incidentflow.outbound.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.incidentflow.incident.IncidentEvents;

/**
 * An administrator's subscription of a URL to incident events. Guards its invariants: a known template, known event
 * names, a Standard Webhooks secret, a routing key exactly for PagerDuty. The URL is checked by {@link TargetGuard}
 * before it gets here (and again at every send).
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(nullable = false, length = 2000)
	private String url;

	@Column(length = 200)
	private String description;

	@Column(nullable = false, length = 1000)
	private String events;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private WebhookTemplate template;

	@Column(name = "routing_key", length = 100)
	private String routingKey;

	@Column(nullable = false, length = 200)
	private String secret;

	/** The secret before the last rotation, still signing deliveries (beside the new one) until previousSecretUntil. */
	@Column(name = "previous_secret", length = 200)
	private String previousSecret;

	@Column(name = "previous_secret_until")
	private Instant previousSecretUntil;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "consecutive_failures", nullable = false)
	private int consecutiveFailures;

	@Column(name = "disabled_at")
	private Instant disabledAt;

	@Column(name = "disabled_reason", length = 1000)
	private String disabledReason;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false, length = 100)
	private String createdBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected WebhookSubscription() {
	}

	public WebhookSubscription(String url, List<String> events, WebhookTemplate template, String secret,
			String createdBy, Instant now) {
		this.createdAt = now;
		this.createdBy = createdBy;
		this.enabled = true;
		change(url, events, template, secret, now);
	}

	/** Sets what a create or update gives; the caller validated the URL with the guard. */
	public final void change(String url, List<String> events, WebhookTemplate template, String secret, Instant now) {
		if (url == null || url.isBlank() || url.length() > 2000) {
			throw new IllegalArgumentException("url must be given (at most 2000 characters)");
		}
		if (events == null || events.isEmpty() || !events.stream().allMatch(IncidentEvents::isKnown)) {
			throw new IllegalArgumentException("events must name known event types");
		}
		if (template == null) {
			throw new IllegalArgumentException("template must be given");
		}
		if (WebhookSignature.problem(secret) != null) {
			throw new IllegalArgumentException("secret " + WebhookSignature.problem(secret));
		}
		this.url = url;
		this.events = String.join(",", events.stream().distinct().toList());
		this.template = template;
		this.secret = secret;
		this.updatedAt = now;
	}

	/**
	 * A new secret; the old one goes on signing deliveries beside it until {@code now + grace}, so receivers can switch
	 * without losing a delivery (Standard Webhooks: several space-separated signatures). Rotating again within the
	 * grace period drops the oldest secret: only the one just replaced stays valid.
	 */
	public void rotateSecret(String newSecret, java.time.Duration grace, Instant now) {
		if (WebhookSignature.problem(newSecret) != null) {
			throw new IllegalArgumentException("secret " + WebhookSignature.problem(newSecret));
		}
		if (grace == null || grace.isNegative()) {
			throw new IllegalArgumentException("grace period must be zero or more");
		}
		if (newSecret.equals(secret)) {
			throw new IllegalArgumentException("the new secret must differ from the current one");
		}
		previousSecret = grace.isZero() ? null : secret;
		previousSecretUntil = grace.isZero() ? null : now.plus(grace);
		secret = newSecret;
		updatedAt = now;
	}

	/** The secrets a delivery at {@code now} is signed with: the current one, and the previous one in its grace. */
	public List<String> signingSecrets(Instant now) {
		if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
			return List.of(secret, previousSecret);
		}
		return List.of(secret);
	}

	public void setRoutingKey(String routingKey) {
		this.routingKey = routingKey == null || routingKey.isBlank() ? null : routingKey.trim();
	}

	public void setDescription(String description) {
		this.description = description == null || description.isBlank() ? null : description.trim();
	}

	/** Enabling again starts a fresh count of failures. */
	public void setEnabled(boolean enabled, Instant now) {
		if (enabled && !this.enabled) {
			consecutiveFailures = 0;
			disabledAt = null;
			disabledReason = null;
		}
		this.enabled = enabled;
		this.updatedAt = now;
	}

	/** A delivery reached the receiver: the failure count starts over. */
	void delivered() {
		consecutiveFailures = 0;
	}

	/** A delivery was given up; true when this disabled the subscription (after {@code limit} in a row). */
	boolean deliveryFailed(int limit, String reason, Instant now) {
		consecutiveFailures++;
		if (enabled && consecutiveFailures >= limit) {
			disable("Disabled after " + consecutiveFailures + " failed deliveries in a row; last: " + reason, now);
			return true;
		}
		return false;
	}

	/** The receiver said the endpoint is gone (HTTP 410), or failures piled up. */
	boolean disable(String reason, Instant now) {
		if (!enabled) {
			return false;
		}
		enabled = false;
		disabledAt = now;
		disabledReason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
		updatedAt = now;
		return true;
	}

	public boolean wants(String eventType) {
		return enabled && IncidentEvents.matches(eventList(), eventType);
	}

	public List<String> eventList() {
		return Arrays.stream(events.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	public Long getId() { return id; }
	public long getVersion() { return version; }
	public String getUrl() { return url; }
	public String getDescription() { return description; }
	public WebhookTemplate getTemplate() { return template; }
	public String getRoutingKey() { return routingKey; }
	public String getSecret() { return secret; }
	public Instant getPreviousSecretUntil() { return previousSecretUntil; }
	public boolean isEnabled() { return enabled; }
	public int getConsecutiveFailures() { return consecutiveFailures; }
	public Instant getDisabledAt() { return disabledAt; }
	public String getDisabledReason() { return disabledReason; }
	public Instant getCreatedAt() { return createdAt; }
	public String getCreatedBy() { return createdBy; }
	public Instant getUpdatedAt() { return updatedAt; }

}
