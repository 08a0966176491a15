package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.Comment.Visibility;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.OnHoldReason;
import org.incidentflow.incident.State;
import org.incidentflow.sla.SlaClock;
import org.springframework.stereotype.Component;

/** Puts the incident on hold: the SLA clock stops, the comment to the caller (if any) is added as a public comment. */
@Component("putOnHold")
public class PutOnHold implements JavaDelegate {

	private final ProcessRecords records;
	private final SlaClock clock;
	private final IncidentComments comments;
	private final CurrentActor actor;

	public PutOnHold(ProcessRecords records, SlaClock clock, IncidentComments comments, CurrentActor actor) {
		this.records = records;
		this.clock = clock;
		this.comments = comments;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		OnHoldReason reason = OnHoldReason.fromCode((String) execution.getVariable(Vars.ON_HOLD_REASON));
		String comment = ProcessRecords.string(execution, Vars.ON_HOLD_COMMENT);
		// before the state changes: a comment while on hold awaiting the caller would resume the incident
		if (comment != null) {
			comments.add(incident, actor.userId(), Visibility.PUBLIC, comment, "tasklist");
			execution.removeVariable(Vars.ON_HOLD_COMMENT);
		}
		incident.setState(State.ON_HOLD);
		incident.setOnHoldReason(reason);
		clock.pause(execution, incident);
		records.event(incident, "PUT_ON_HOLD", reason.code().replace('_', ' '));
	}

}
