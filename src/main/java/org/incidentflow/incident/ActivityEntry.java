package org.incidentflow.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the append-only audit trail of an incident: a field change (field, old value, new value) or a
 * lifecycle event (state change, escalation, SLA warning or breach, ...). Rows are only ever inserted.
 */
@Entity
@Table(name = "incident_activity")
public class ActivityEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "incident_id", nullable = false, updatable = false)
	private Long incidentId;

	@Column(nullable = false, updatable = false)
	private Instant at;

	/** User id, or {@code system} for timers and the engine acting on its own. */
	@Column(nullable = false, updatable = false, length = Incident.NAME_MAX)
	private String actor;

	/** {@code FIELD_CHANGED}, {@code STATE_CHANGED}, {@code ESCALATED}, {@code SLA_WARNING}, {@code SLA_BREACHED}, ... */
	@Column(nullable = false, updatable = false, length = 40)
	private String event;

	@Column(updatable = false, length = 60)
	private String field;

	@Column(name = "old_value", updatable = false, length = Incident.TEXT_MAX)
	private String oldValue;

	@Column(name = "new_value", updatable = false, length = Incident.TEXT_MAX)
	private String newValue;

	@Column(updatable = false, length = 4000)
	private String detail;

	protected ActivityEntry() {
	}

	public ActivityEntry(Long incidentId, Instant at, String actor, String event, String field, String oldValue,
			String newValue, String detail) {
		this.incidentId = incidentId;
		this.at = at;
		this.actor = actor;
		this.event = event;
		this.field = field;
		this.oldValue = oldValue;
		this.newValue = newValue;
		this.detail = detail;
	}

	public Long getId() { return id; }
	public Long getIncidentId() { return incidentId; }
	public Instant getAt() { return at; }
	public String getActor() { return actor; }
	public String getEvent() { return event; }
	public String getField() { return field; }
	public String getOldValue() { return oldValue; }
	public String getNewValue() { return newValue; }
	public String getDetail() { return detail; }

}
