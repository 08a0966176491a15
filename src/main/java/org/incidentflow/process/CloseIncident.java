package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.State;
import org.springframework.stereotype.Component;

/** Closes the incident, with the findings of the closure review when there was one. */
@Component("closeIncident")
public class CloseIncident implements JavaDelegate {

	private final ProcessRecords records;

	public CloseIncident(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		if (Boolean.TRUE.equals(execution.getVariable(Vars.REVIEW_REQUIRED))) {
			incident.setCause(ProcessRecords.string(execution, Vars.CAUSE));
			incident.setStepsTaken(ProcessRecords.string(execution, Vars.STEPS_TAKEN));
			incident.setPreventiveMeasures(ProcessRecords.string(execution, Vars.PREVENTIVE_MEASURES));
			incident.setProblemRequired(Boolean.TRUE.equals(execution.getVariable(Vars.PROBLEM_REQUIRED)));
		}
		incident.setState(State.CLOSED);
		incident.setClosedAt(ActivityLog.now());
		records.event(incident, "CLOSED", howClosed(execution, incident));
		records.tellUser(incident, Kind.CLOSED, incident.getCaller(), "Your incident is closed.");
	}

	private static String howClosed(DelegateExecution execution, Incident incident) {
		String after = Boolean.TRUE.equals(execution.getVariable(Vars.REVIEW_REQUIRED)) ? " after closure review" : "";
		if (incident.getChannel() == Channel.MONITORING) {
			return "Closed without confirmation (reported by monitoring)" + after;
		}
		if (Boolean.TRUE.equals(execution.getVariable(Vars.RESOLUTION_ACCEPTED))) {
			return "Resolution confirmed by the caller" + after;
		}
		return "Closed automatically: no answer from the caller" + after;
	}

}
