package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.springframework.stereotype.Component;

/**
 * Functional escalation: hands the incident to {@code escalateTo} (named by the agent or found by the decision
 * {@code functional-escalation}) and keeps the chain of groups on the record, with the handover note of the agent
 * (what was tried, what is known) in the escalation's activity entry, which the next group's form shows.
 */
@Component("escalateToGroup")
public class EscalateToGroup implements JavaDelegate {

	/** Fits the activity entry's detail together with the groups' names. */
	static final int HANDOVER_MAX = 3000;

	private final ProcessRecords records;

	public EscalateToGroup(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String from = (String) execution.getVariable(Vars.ASSIGNMENT_GROUP);
		String to = ProcessRecords.string(execution, Vars.ESCALATE_TO);
		if (to == null || to.equals(from)) {
			throw new InvalidSubmissionException("There is no further support level after " + from
					+ " for this category: name the group to escalate to.");
		}
		Incident incident = records.of(execution);
		String chain = incident.getEscalationChain();
		incident.setEscalationChain((chain == null ? from : chain) + "," + to);
		incident.setAssignmentGroup(to);
		incident.setAssignee(null);
		execution.setVariable(Vars.ASSIGNMENT_GROUP, to);
		String handover = ProcessRecords.string(execution, Vars.HANDOVER_NOTE);
		if (handover != null && handover.length() > HANDOVER_MAX) {
			handover = handover.substring(0, HANDOVER_MAX - 1) + "…";
		}
		execution.removeVariable(Vars.HANDOVER_NOTE);
		records.event(incident, "ESCALATED", "Functional escalation from " + from + " to " + to
				+ (handover == null ? "" : ". Handover: " + handover));
		records.tellGroup(incident, Kind.ESCALATED, to, "Escalated to your group by " + from);
	}

}
