package org.incidentflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.springframework.stereotype.Component;

/** The caller answered an incident on hold: whoever works on it (else the group) is told. */
@Component("tellAssigneeCallerUpdated")
public class TellAssigneeCallerUpdated implements ExecutionListener {

	private final ProcessRecords records;

	public TellAssigneeCallerUpdated(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Incident incident = records.of(execution);
		String detail = "The caller added information; the incident is back in progress.";
		if (incident.getAssignee() != null) {
			records.tellUser(incident, Kind.CALLER_UPDATED, incident.getAssignee(), detail);
		}
		else {
			records.tellGroup(incident, Kind.CALLER_UPDATED, incident.getAssignmentGroup(), detail);
		}
	}

}
