package org.incidentflow.sla;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Vars;

/**
 * The SLA at a glance, for the task lists' "SLA" column ({@code slaStatus}): the worst of the incident's targets
 * right now, worked out from the record alone. It is kept in a process variable because Tasklist can only show
 * variables, and it is set again at every point where the answer can change: targets applied (triage, new priority),
 * clock stopped and restarted, warning, breach, resolution, reopening. Between those points nothing moves it: the
 * warning and breach timers are the points where time alone changes it.
 * <p>
 * A breach is a fact of the incident: once a target was missed the status stays "breached" until resolution, even
 * after a late first response.
 */
public enum SlaStatus {

	/** Targets running, no warning reached. */
	ON_TRACK("● On track"),
	RESPONSE_DUE_SOON("⚠ Response due soon"),
	RESOLUTION_DUE_SOON("⚠ Resolution due soon"),
	RESPONSE_BREACHED("✖ Response breached"),
	RESOLUTION_BREACHED("✖ Resolution breached"),
	/** On hold: the clock is stopped. */
	ON_HOLD("⏸ On hold, clock stopped"),
	RESOLVED_WITHIN_TARGET("✔ Resolved within target"),
	RESOLVED_AFTER_TARGET("✖ Resolved after target");

	private final String label;

	SlaStatus(String label) {
		this.label = label;
	}

	/** What the task list shows. */
	public String label() {
		return label;
	}

	/**
	 * @param responseWarningAt when the response warning is due ({@code null}: none)
	 * @param resolutionWarningAt when the resolution warning is due ({@code null}: none)
	 * @return {@code null} while the incident has no targets (not triaged, or not an incident)
	 */
	public static SlaStatus of(Incident incident, Instant responseWarningAt, Instant resolutionWarningAt,
			Instant now) {
		if (incident.getResponseDueAt() == null && incident.getResolutionDueAt() == null) {
			return null;
		}
		if (incident.getResolvedAt() != null) {
			return incident.isResolutionBreached() || incident.getResolutionDueAt() != null
					&& incident.getResolvedAt().isAfter(incident.getResolutionDueAt())
							? RESOLVED_AFTER_TARGET : RESOLVED_WITHIN_TARGET;
		}
		if (incident.isResolutionBreached()) {
			return RESOLUTION_BREACHED;
		}
		if (incident.isResponseBreached()) {
			return RESPONSE_BREACHED;
		}
		if (incident.getPausedSince() != null) {
			return ON_HOLD;
		}
		if (reached(resolutionWarningAt, now)) {
			return RESOLUTION_DUE_SOON;
		}
		if (incident.getFirstResponseAt() == null && reached(responseWarningAt, now)) {
			return RESPONSE_DUE_SOON;
		}
		return ON_TRACK;
	}

	/** Sets {@code slaStatus} on the instance from the record and the warning dates of the instance. */
	public static void refresh(DelegateExecution execution, Incident incident) {
		SlaStatus status = of(incident, instant(execution, Vars.RESPONSE_WARNING_AT),
				instant(execution, Vars.RESOLUTION_WARNING_AT), ActivityLog.now());
		execution.setVariable(Vars.SLA_STATUS, status == null ? null : status.label());
	}

	private static boolean reached(Instant at, Instant now) {
		return at != null && !now.isBefore(at);
	}

	private static Instant instant(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value instanceof Date date ? date.toInstant() : null;
	}

}
