package org.incidentflow.problem;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the append-only audit trail of a problem: a field change (written by the shared field audit,
 * {@link ProblemAuditTrail}) or a lifecycle event ({@code LOGGED}, {@code INCIDENT_LINKED}, ...).
 */
@Entity
@Table(name = "problem_activity")
public class ProblemActivity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "problem_id", nullable = false, updatable = false)
	private Long problemId;

	@Column(nullable = false, updatable = false)
	private Instant at;

	@Column(nullable = false, updatable = false, length = 100)
	private String actor;

	@Column(nullable = false, updatable = false, length = 40)
	private String event;

	@Column(updatable = false, length = 60)
	private String field;

	@Column(name = "old_value", updatable = false, length = Problem.TEXT_MAX)
	private String oldValue;

	@Column(name = "new_value", updatable = false, length = Problem.TEXT_MAX)
	private String newValue;

	@Column(updatable = false, length = 4000)
	private String detail;

	protected ProblemActivity() {
	}

	ProblemActivity(Long problemId, Instant at, String actor, String event, String detail) {
		this.problemId = problemId;
		this.at = at;
		this.actor = actor;
		this.event = event;
		this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
	}

	public Long getId() { return id; }
	public Long getProblemId() { return problemId; }
	public Instant getAt() { return at; }
	public String getActor() { return actor; }
	public String getEvent() { return event; }
	public String getField() { return field; }
	public String getOldValue() { return oldValue; }
	public String getNewValue() { return newValue; }
	public String getDetail() { return detail; }

}
