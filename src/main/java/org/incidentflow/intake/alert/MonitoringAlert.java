package org.incidentflow.intake.alert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One occurrence of a monitoring alert (fingerprint + startsAt) and the incident it opened or joined. */
@Entity
@Table(name = "monitoring_alert")
public class MonitoringAlert {

	public static final String FIRING = "firing";
	public static final String RESOLVED = "resolved";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 20)
	private String source;

	@Column(nullable = false, updatable = false, length = 100)
	private String fingerprint;

	@Column(name = "starts_at", nullable = false, updatable = false)
	private Instant startsAt;

	@Column(name = "ends_at")
	private Instant endsAt;

	@Column(name = "group_id", nullable = false, updatable = false)
	private Long groupId;

	@Column(name = "incident_id", nullable = false, updatable = false)
	private Long incidentId;

	@Column(nullable = false, length = 10)
	private String status;

	@Column(name = "alert_name", length = 200)
	private String alertName;

	/** The alert's labels as JSON, for people reading the record; never queried. */
	@Column(length = 4000)
	private String labels;

	@Column(name = "first_seen_at", nullable = false, updatable = false)
	private Instant firstSeenAt;

	@Column(name = "last_seen_at", nullable = false)
	private Instant lastSeenAt;

	/** Deliveries after the first; only the first repeat is written to the incident's activity. */
	@Column(name = "repeat_count", nullable = false)
	private int repeatCount;

	protected MonitoringAlert() {
	}

	public MonitoringAlert(String source, String fingerprint, Instant startsAt, Long groupId, Long incidentId,
			String alertName, String labels, Instant seenAt) {
		this.source = source;
		this.fingerprint = fingerprint;
		this.startsAt = startsAt;
		this.groupId = groupId;
		this.incidentId = incidentId;
		this.status = FIRING;
		this.alertName = alertName;
		this.labels = labels;
		this.firstSeenAt = seenAt;
		this.lastSeenAt = seenAt;
	}

	/** Counts a delivery of an occurrence already known; returns true for the first repeat only. */
	public boolean seenAgain(Instant at) {
		lastSeenAt = at;
		repeatCount++;
		return repeatCount == 1;
	}

	public void resolve(Instant endsAt, Instant at) {
		this.status = RESOLVED;
		this.endsAt = endsAt;
		this.lastSeenAt = at;
	}

	public boolean isFiring() {
		return FIRING.equals(status);
	}

	public Long getId() { return id; }
	public String getSource() { return source; }
	public String getFingerprint() { return fingerprint; }
	public Instant getStartsAt() { return startsAt; }
	public Instant getEndsAt() { return endsAt; }
	public Long getGroupId() { return groupId; }
	public Long getIncidentId() { return incidentId; }
	public String getStatus() { return status; }
	public String getAlertName() { return alertName; }
	public String getLabels() { return labels; }
	public Instant getFirstSeenAt() { return firstSeenAt; }
	public Instant getLastSeenAt() { return lastSeenAt; }
	public int getRepeatCount() { return repeatCount; }

}
