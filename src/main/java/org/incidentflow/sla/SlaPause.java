package org.incidentflow.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One interval during which the SLA clock of an incident stood still (on hold). Written by {@link SlaClock} in the
 * transaction that pauses or resumes the incident; only the end of the open interval is ever updated. The due dates
 * are computed from these intervals, so they are the audit trail of every extension an incident got.
 */
@Entity
@Table(name = "sla_pause")
public class SlaPause {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "incident_id", nullable = false, updatable = false)
	private Long incidentId;

	@Column(name = "started_at", nullable = false, updatable = false)
	private Instant startedAt;

	/** {@code null} while the incident is on hold. */
	@Column(name = "ended_at")
	private Instant endedAt;

	/** The on-hold reason code ({@code awaiting_vendor}, ...), if one was given. */
	@Column(updatable = false, length = 30)
	private String reason;

	protected SlaPause() {
	}

	public SlaPause(Long incidentId, Instant startedAt, String reason) {
		this.incidentId = incidentId;
		this.startedAt = startedAt;
		this.reason = reason;
	}

	/** The end of the interval, or {@code now} while it runs. */
	Instant endOr(Instant now) {
		return endedAt == null ? now : endedAt;
	}

	void end(Instant at) {
		this.endedAt = at;
	}

	public Long getId() { return id; }
	public Long getIncidentId() { return incidentId; }
	public Instant getStartedAt() { return startedAt; }
	public Instant getEndedAt() { return endedAt; }
	public String getReason() { return reason; }

}
