package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.sla.SlaStatus;
import org.springframework.stereotype.Component;

/**
 * What the SLA timers do: a warning tells the assignment group, a breach is flagged on the record and escalated to
 * the incident managers (hierarchical escalation). Each happens once per target and incident, even when a timer is
 * created again with a date already past (reopened incident).
 */
@Component("slaEscalation")
public class SlaEscalation {

	static final String INCIDENT_MANAGERS = "incident-managers";

	private final ProcessRecords records;
	private final ActivityRepository activity;

	public SlaEscalation(ProcessRecords records, ActivityRepository activity) {
		this.records = records;
		this.activity = activity;
	}

	/** @param target {@code response} or {@code resolution} */
	public void warn(DelegateExecution execution, String target) {
		Incident incident = records.of(execution);
		String label = label(target);
		if (breached(incident, target) || activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()).stream()
			.anyMatch(e -> "SLA_WARNING".equals(e.getEvent()) && e.getDetail().startsWith(label))) {
			return;
		}
		String detail = label + " target due at " + due(execution, target).toInstant();
		SlaStatus.refresh(execution, incident);
		records.event(incident, "SLA_WARNING", detail);
		records.tellGroup(incident, Kind.SLA_WARNING, incident.getAssignmentGroup(), detail);
	}

	/** @param target {@code response} or {@code resolution} */
	public void breach(DelegateExecution execution, String target) {
		Incident incident = records.of(execution);
		if (breached(incident, target)) {
			return;
		}
		if ("response".equals(target)) {
			incident.setResponseBreached(true);
		}
		else {
			incident.setResolutionBreached(true);
		}
		String detail = label(target) + " target breached (was due at " + due(execution, target).toInstant()
				+ "); escalated to " + INCIDENT_MANAGERS;
		SlaStatus.refresh(execution, incident);
		records.event(incident, "SLA_BREACHED", detail);
		records.tellGroup(incident, Kind.SLA_BREACHED, INCIDENT_MANAGERS, detail);
	}

	private static boolean breached(Incident incident, String target) {
		return "response".equals(target) ? incident.isResponseBreached() : incident.isResolutionBreached();
	}

	private static Date due(DelegateExecution execution, String target) {
		return (Date) execution.getVariable("response".equals(target) ? Vars.RESPONSE_DUE : Vars.RESOLUTION_DUE);
	}

	private static String label(String target) {
		return switch (target) {
			case "response" -> "Response";
			case "resolution" -> "Resolution";
			default -> throw new IllegalArgumentException("Unknown SLA target " + target);
		};
	}

}
