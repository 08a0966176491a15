package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.State;
import org.incidentflow.sla.SlaClock;
import org.springframework.stereotype.Component;

/**
 * Cancels the incident: from triage (not an incident) or at any time by message
 * {@code IncidentCancellationRequested} with {@code cancelReason} and {@code canceledBy}.
 */
@Component("cancelIncident")
public class CancelIncident implements JavaDelegate {

	private final ProcessRecords records;
	private final SlaClock clock;
	private final CurrentActor actor;

	public CancelIncident(ProcessRecords records, SlaClock clock, CurrentActor actor) {
		this.records = records;
		this.clock = clock;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		if (incident.getParent() != null) {
			// a child follows its major incident (org.incidentflow.major): unlink it first, with a reason
			throw new InvalidSubmissionException(Vars.CANCEL_REASON, incident.getNumber() + " is linked to "
					+ incident.getParent().getNumber() + " and cannot be canceled separately; unlink it first.");
		}
		String reason = ProcessRecords.string(execution, Vars.CANCEL_REASON);
		String by = ProcessRecords.string(execution, Vars.CANCELED_BY);
		by = by == null ? actor.userId() : by;
		clock.endPause(execution, incident);
		incident.setOnHoldReason(null);
		incident.setState(State.CANCELED);
		incident.setCancelReason(reason == null ? "No reason given" : reason);
		records.event(incident, "CANCELED", "Canceled by " + by + ": " + incident.getCancelReason());
		records.tellUser(incident, Kind.CANCELED, incident.getCaller(), incident.getCancelReason());
	}

}
