package org.incidentflow.outbound.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code incidentflow.notification.*}: the outbox of notification mail and the sender that drains it. */
@ConfigurationProperties("incidentflow.notification")
public class NotificationSettings {

	/**
	 * Queue notices for mail. Unset: only when {@code spring.mail.host} is set; otherwise notices are only logged and
	 * no row is written (switching SMTP on later must not flood people with old notices).
	 */
	private Boolean enabled;

	/** Delay between two drains of the outbox on each node (the drain runs only when spring.mail.host is set). */
	private Duration pollInterval = Duration.ofSeconds(10);

	/** How long a node owns a row it is sending; after that (a crashed node) another node sends it again. */
	private Duration lease = Duration.ofMinutes(2);

	/** Attempts before a mail is given up (status FAILED, left for an administrator). */
	private int maxAttempts = 10;

	/** Wait after the first failure; doubled after each further failure up to {@link #maxBackoff}. */
	private Duration initialBackoff = Duration.ofMinutes(1);

	private Duration maxBackoff = Duration.ofHours(1);

	/** Rows looked at per round of a drain; a drain goes on with further rounds while it finds due rows. */
	private int batchSize = 50;

	public Boolean getEnabled() { return enabled; }
	public void setEnabled(Boolean enabled) { this.enabled = enabled; }
	public Duration getPollInterval() { return pollInterval; }
	public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
	public Duration getLease() { return lease; }
	public void setLease(Duration lease) { this.lease = lease; }
	public int getMaxAttempts() { return maxAttempts; }
	public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
	public Duration getInitialBackoff() { return initialBackoff; }
	public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
	public Duration getMaxBackoff() { return maxBackoff; }
	public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
	public int getBatchSize() { return batchSize; }
	public void setBatchSize(int batchSize) { this.batchSize = batchSize; }

	/** Wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
	public Duration backoff(int attempts) {
		return org.incidentflow.outbound.OutboxDrain.backoff(attempts, initialBackoff, maxBackoff);
	}

}
