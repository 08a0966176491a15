package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.State;
import org.incidentflow.sla.SlaStatus;
import org.springframework.stereotype.Component;

/**
 * The caller rejected the resolution: back to the same group. The resolution target is not moved: the caller's
 * service was not restored all along.
 */
@Component("reopenIncident")
public class ReopenIncident implements JavaDelegate {

	private final ProcessRecords records;

	public ReopenIncident(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		incident.setReopenCount(incident.getReopenCount() + 1);
		incident.setState(State.IN_PROGRESS);
		incident.setResolvedAt(null);
		SlaStatus.refresh(execution, incident);
		records.event(incident, "REOPENED", "Resolution rejected by the caller: "
				+ ProcessRecords.string(execution, Vars.REJECTION_REASON));
	}

}
