package org.incidentflow.outbound.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code incidentflow.webhooks.*}: the webhook channel of the outbox and the guard on its targets. */
@ConfigurationProperties("incidentflow.webhooks")
public class WebhookSettings {

	/** Drain the webhook outbox on this node, every {@link #pollInterval}. */
	private boolean pollEnabled = true;

	private Duration pollInterval = Duration.ofSeconds(5);

	/** How long a node owns a delivery it sends; after that (a crashed node) another node sends it again. */
	private Duration lease = Duration.ofMinutes(1);

	/** Attempts before a delivery is given up (status FAILED). */
	private int maxAttempts = 8;

	/** Wait after the first failure; doubled after each further failure up to {@link #maxBackoff}. */
	private Duration initialBackoff = Duration.ofSeconds(30);

	private Duration maxBackoff = Duration.ofHours(1);

	/** Failed (given-up) deliveries in a row after which the subscription is disabled and administrators are told. */
	private int disableAfterFailures = 5;

	private int batchSize = 50;

	private Duration connectTimeout = Duration.ofSeconds(3);

	/** For the whole answer; a slow receiver fails the attempt and gets it again later. */
	private Duration readTimeout = Duration.ofSeconds(5);
	/** After a rotation (POST /api/webhooks/{id}/secret), how long deliveries are signed with the old secret too. */
	private Duration secretGracePeriod = Duration.ofHours(24);

	/**
	 * Host names (as written in subscription URLs) that may resolve to loopback, link-local or private addresses, for
	 * receivers inside the own network. Empty: every such target is refused.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	public boolean isPollEnabled() { return pollEnabled; }
	public void setPollEnabled(boolean pollEnabled) { this.pollEnabled = pollEnabled; }
	public Duration getPollInterval() { return pollInterval; }
	public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
	public Duration getSecretGracePeriod() { return secretGracePeriod; }
	public void setSecretGracePeriod(Duration secretGracePeriod) { this.secretGracePeriod = secretGracePeriod; }
	public Duration getLease() { return lease; }
	public void setLease(Duration lease) { this.lease = lease; }
	public int getMaxAttempts() { return maxAttempts; }
	public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
	public Duration getInitialBackoff() { return initialBackoff; }
	public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
	public Duration getMaxBackoff() { return maxBackoff; }
	public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
	public int getDisableAfterFailures() { return disableAfterFailures; }
	public void setDisableAfterFailures(int disableAfterFailures) { this.disableAfterFailures = disableAfterFailures; }
	public int getBatchSize() { return batchSize; }
	public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
	public Duration getConnectTimeout() { return connectTimeout; }
	public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
	public Duration getReadTimeout() { return readTimeout; }
	public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
	public List<String> getAllowedHosts() { return allowedHosts; }
	public void setAllowedHosts(List<String> allowedHosts) { this.allowedHosts = allowedHosts; }

}
