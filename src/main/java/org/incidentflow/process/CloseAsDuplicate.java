package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.State;
import org.springframework.stereotype.Component;

/** Triage found a duplicate: the record is canceled and linked to the original incident. */
@Component("closeAsDuplicate")
public class CloseAsDuplicate implements JavaDelegate {

	private final ProcessRecords records;

	public CloseAsDuplicate(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		String number = ProcessRecords.string(execution, Vars.DUPLICATE_OF);
		Incident original = records.find(number)
			.orElseThrow(() -> new InvalidSubmissionException("Original incident " + number + " does not exist."));
		incident.setDuplicateOf(original);
		incident.setState(State.CANCELED);
		incident.setCancelReason("Duplicate of " + original.getNumber());
		records.event(incident, "CANCELED", "Duplicate of " + original.getNumber());
		records.tellUser(incident, Kind.CANCELED, incident.getCaller(),
				"Already known as " + original.getNumber() + "; follow that incident.");
	}

}
