package org.incidentflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.RecordKind;
import org.incidentflow.incident.State;
import org.springframework.stereotype.Component;

/**
 * Triage found a service request: it leaves the incident lifecycle. The record becomes a closed
 * {@link RecordKind#SERVICE_REQUEST} with resolution code {@value #RESOLUTION_CODE}; fulfilment happens elsewhere.
 */
@Component("handOverToFulfilment")
public class HandOverToFulfilment implements JavaDelegate {

	static final String RESOLUTION_CODE = "fulfilment";

	private final ProcessRecords records;

	public HandOverToFulfilment(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		incident.setKind(RecordKind.SERVICE_REQUEST);
		incident.setState(State.CLOSED);
		incident.setClosedAt(ActivityLog.now());
		incident.setResolutionCode(RESOLUTION_CODE);
		incident.setResolutionNotes("Classified as a service request at triage and handed to request fulfilment.");
		records.event(incident, "CLOSED", "Service request: handed to request fulfilment");
		records.tellUser(incident, Kind.CLOSED, incident.getCaller(),
				"Your request is handled as a service request, not as an incident.");
	}

}
