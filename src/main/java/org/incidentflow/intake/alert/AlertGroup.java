package org.incidentflow.intake.alert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An alert group of one monitoring source ({@code groupKey}). Created once, never deleted: deliveries of the group
 * lock this row, so alerts of the group that fire together end up on one incident even when delivered in parallel.
 */
@Entity
@Table(name = "monitoring_alert_group")
public class AlertGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 20)
	private String source;

	@Column(name = "group_key", nullable = false, updatable = false, length = 1000)
	private String groupKey;

	/** The incident new firing alerts of the group attach to while it is being worked. */
	@Column(name = "incident_id")
	private Long incidentId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected AlertGroup() {
	}

	public AlertGroup(String source, String groupKey, Instant createdAt) {
		this.source = source;
		this.groupKey = groupKey;
		this.createdAt = createdAt;
	}

	public Long getId() { return id; }
	public String getSource() { return source; }
	public String getGroupKey() { return groupKey; }
	public Long getIncidentId() { return incidentId; }
	public void setIncidentId(Long incidentId) { this.incidentId = incidentId; }
	public Instant getCreatedAt() { return createdAt; }

}
