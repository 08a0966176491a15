package org.incidentflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.incidentflow.incident.IncidentProcess;
import org.springframework.stereotype.Component;

/**
 * The product's groups and what each may do in the engine and the webapps. Runs at every start (idempotent); it is
 * product configuration, not demo data: administrators only add users to these groups.
 *
 * <ul>
 * <li>agents: Tasklist, start {@code incident-management}, see users and groups (to hand tasks over). The tasks of
 * their groups they get from the engine itself: a candidate group or assignee identity link grants READ and UPDATE on
 * the task. Deployed Camunda Forms are loaded without deployment permissions.</li>
 * <li>incident managers additionally see and reassign every incident task (hierarchical escalation).</li>
 * <li>requesters: Tasklist only, for the confirmation tasks assigned to them.</li>
 * <li>process owners: Cockpit and Tasklist, deploy and remove models, everything on process and decision
 * definitions, read and start instances.</li>
 * <li>integrations: technical users for webhooks, no webapp and no engine permission.</li>
 * <li>camunda-admin: ALL on every resource.</li>
 * </ul>
 */
@Component
public class GroupAuthorizations {

	static final String TASKLIST = "tasklist";
	static final String COCKPIT = "cockpit";

	private final IdentityService identityService;
	private final AuthorizationGrants grants;

	public GroupAuthorizations(IdentityService identityService, AuthorizationGrants grants) {
		this.identityService = identityService;
		this.grants = grants;
	}

	public void ensureGroupsAndGrants() {
		for (var group : AccessGroups.ALL) {
			ensureGroup(group.get(0), group.get(1));
		}
		// the engine does not exempt camunda-admin from authorization checks: administrators get ALL on everything,
		// as Camunda's own admin setup does
		for (Resources resource : Resources.values()) {
			grants.grantGroup(AccessGroups.ADMINS, resource, ANY, ALL);
		}
		for (String agents : AccessGroups.AGENTS) {
			grants.grantGroup(agents, APPLICATION, TASKLIST, ACCESS);
			grants.grantGroup(agents, PROCESS_DEFINITION, IncidentProcess.KEY, READ, CREATE_INSTANCE);
			grants.grantGroup(agents, PROCESS_INSTANCE, ANY, CREATE);
			grants.grantGroup(agents, USER, ANY, READ);
			grants.grantGroup(agents, GROUP, ANY, READ);
		}
		grants.grantGroup(AccessGroups.INCIDENT_MANAGERS, PROCESS_DEFINITION, IncidentProcess.KEY, READ_TASK,
				TASK_ASSIGN);

		grants.grantGroup(AccessGroups.REQUESTERS, APPLICATION, TASKLIST, ACCESS);

		String owners = AccessGroups.PROCESS_OWNERS;
		grants.grantGroup(owners, APPLICATION, COCKPIT, ACCESS);
		grants.grantGroup(owners, APPLICATION, TASKLIST, ACCESS);
		grants.grantGroup(owners, DEPLOYMENT, ANY, CREATE, READ, DELETE);
		grants.grantGroup(owners, PROCESS_DEFINITION, ANY, ALL);
		grants.grantGroup(owners, DECISION_DEFINITION, ANY, ALL);
		grants.grantGroup(owners, DECISION_REQUIREMENTS_DEFINITION, ANY, ALL);
		grants.grantGroup(owners, PROCESS_INSTANCE, ANY, CREATE, READ, Permissions.UPDATE);
	}

	private void ensureGroup(String id, String name) {
		if (identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = identityService.newGroup(id);
		group.setName(name);
		group.setType(id.equals(AccessGroups.ADMINS) ? "SYSTEM" : "WORKFLOW");
		identityService.saveGroup(group);
	}

}
