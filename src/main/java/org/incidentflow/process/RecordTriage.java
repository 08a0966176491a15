package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.State;
import org.incidentflow.knowledge.KnowledgeFromForm;
import org.incidentflow.sla.SlaStatus;
import org.springframework.stereotype.Component;

/**
 * Completing triage is the first response. Applies the corrected facts and tells the model, through the transient
 * variable {@code reassess}, whether category, priority and SLA must be decided again. The triage agent's claim ends
 * with triage: an incident that goes on to a group the agent is not in names no assignee until someone there takes
 * the next task (as a change of assignment group clears the assignee).
 */
@Component("recordTriage")
public class RecordTriage implements JavaDelegate {

	private final ProcessRecords records;
	private final IdentityService identityService;
	private final KnowledgeFromForm knowledge;

	public RecordTriage(ProcessRecords records, IdentityService identityService, KnowledgeFromForm knowledge) {
		this.records = records;
		this.identityService = identityService;
		this.knowledge = knowledge;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		IncidentType type = IncidentType.fromCode((String) execution.getVariable(Vars.INCIDENT_TYPE));
		Level impact = Level.fromCode((String) execution.getVariable(Vars.IMPACT));
		Level urgency = Level.fromCode((String) execution.getVariable(Vars.URGENCY));
		String service = ProcessRecords.string(execution, Vars.SERVICE);
		boolean reassess = type != incident.getType() || impact != incident.getImpact()
				|| urgency != incident.getUrgency() || !service.equals(incident.getService());
		execution.setVariable("reassess", Variables.booleanValue(reassess, true));

		incident.setType(type);
		incident.setImpact(impact);
		incident.setUrgency(urgency);
		incident.setService(service);
		incident.setConfigurationItem(ProcessRecords.string(execution, Vars.CONFIGURATION_ITEM));
		if (incident.getFirstResponseAt() == null) {
			incident.setFirstResponseAt(ActivityLog.now());
		}
		String classification = (String) execution.getVariable(Vars.CLASSIFICATION);
		if ("incident".equals(classification)) {
			incident.setState(State.IN_PROGRESS);
			if (incident.getAssignee() != null && !memberOf(incident.getAssignee(), incident.getAssignmentGroup())) {
				incident.setAssignee(null);
			}
		}
		// a known error or article chosen in the form's knowledge suggestions (org.incidentflow.knowledge)
		knowledge.apply(execution, incident);
		// the first response is in: a "response due soon" is over
		SlaStatus.refresh(execution, incident);
		records.event(incident, "TRIAGED", "Classified as " + classification.replace('_', ' ')
				+ (reassess ? "; facts corrected, category, priority and SLA decided again" : ""));
	}

	private boolean memberOf(String userId, String groupId) {
		return groupId != null && Context.getCommandContext().runWithoutAuthorization(
				() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
	}

}
