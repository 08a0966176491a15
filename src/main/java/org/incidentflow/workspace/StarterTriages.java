package org.incidentflow.workspace;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The assignee of the Triage task (model expression {@code ${starterTriages.assignee(execution)}}): the agent who
 * reported the incident with Tasklist's start form, when they belong to the triage group. An agent on the phone then
 * finds the new incident, with its number, at the top of "My tasks" the moment the start form closes, and can read
 * the number back to the caller. Incidents from the API, mail, chat or monitoring have no starter (the process
 * records one only for a user the engine acts for), and a starter outside the triage group leaves the task to the
 * group.
 */
@Component("starterTriages")
public class StarterTriages {

	private final IdentityService identityService;

	public StarterTriages(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String assignee(DelegateExecution execution) {
		Object starter = execution.getVariable(Vars.REPORTED_BY);
		Object group = execution.getVariable(Vars.TRIAGE_GROUP);
		if (!(starter instanceof String user) || !(group instanceof String triageGroup)) {
			return null;
		}
		// membership is the directory's fact, not something the starter's own authorisations decide
		boolean member = Context.getCommandContext().runWithoutAuthorization(
				() -> identityService.createUserQuery().userId(user).memberOfGroup(triageGroup).count() > 0);
		return member ? user : null;
	}

}
