package org.incidentflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;
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
import org.camunda.bpm.engine.identity.Tenant;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.restricted.RestrictedIncidents;
import org.springframework.stereotype.Component;

/**
 * The product's groups and what each may do in the engine and the webapps. Runs at every start (idempotent); it is
 * product configuration, not demo data: administrators only add users to these groups.
 *
 * <ul>
 * <li>agents: Tasklist, start {@code incident-management}, see users and groups (to hand tasks over). On the
 * {@code incident-management} definition they read, update (work, assign, task variables, dates) its tasks and read its instances and history,
 * and read decision history: every incident that is not restricted, as on {@code /api}. Granted once on the
 * definition, not per task (the engine writes no row per task and candidate group for incident tasks,
 * {@code org.incidentflow.restricted}). Deployed Camunda Forms are loaded without deployment permissions.</li>
 * <li>problem-managers (agents too) read and work every task and instance of {@code problem-management} and
 * {@code problem-proposal}; the owner group of a problem works only that problem's tasks, through the engine's
 * per-task authorization row of its candidate group. Other agent groups see no problem task. Nobody may start the
 * problem models from Tasklist: the product starts them (API, closure review, Investigate, detection).</li>
 * <li>incident-managers (agents too) read and work every task and instance of {@code major-incident-proposal}.</li>
 * <li>restricted incidents (type security) live in the tenant {@code restricted}: only security-ops and
 * incident-managers are its members (administrators pass every tenant check), so the definition grants open
 * nothing of them to anyone else.</li>
 * <li>requesters: no webapp: the self-service portal ({@code /portal}) is theirs, and completes the confirmation
 * tasks assigned to them through the incident API's service.</li>
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
	/** problem-management and problem-proposal (org.incidentflow.problem.ProblemProcess). */
	static final java.util.List<String> PROBLEM_PROCESSES = java.util.List.of("problem-management", "problem-proposal");

	/** major-incident-proposal (org.incidentflow.major.detection.MajorIncidentDetection). */
	static final String MAJOR_PROPOSAL_PROCESS = "major-incident-proposal";

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
			grants.grantGroup(agents, PROCESS_DEFINITION, IncidentProcess.KEY, READ, CREATE_INSTANCE, READ_TASK,
					UPDATE_TASK, TASK_WORK, TASK_ASSIGN, READ_INSTANCE, READ_HISTORY);
			grants.grantGroup(agents, DECISION_DEFINITION, ANY, READ_HISTORY);
			if (!agents.equals(AccessGroups.PROBLEM_MANAGERS)) {
				// an earlier version gave every agent group all problem tasks; the owner group now sees only the
				// tasks of its own problems, through the engine's per-task rows
				for (String problemProcess : PROBLEM_PROCESSES) {
					grants.revokeGroup(agents, PROCESS_DEFINITION, problemProcess);
				}
			}
			grants.grantGroup(agents, PROCESS_INSTANCE, ANY, CREATE);
			grants.grantGroup(agents, USER, ANY, READ);
			grants.grantGroup(agents, GROUP, ANY, READ);
		}
		// problems (org.incidentflow.problem): problem managers work every problem task; nobody starts the problem
		// models from Tasklist (the product starts them: API, closure review, Investigate, detection), so the
		// start right an earlier version granted is withdrawn
		for (String problemProcess : PROBLEM_PROCESSES) {
			grants.grantGroup(AccessGroups.PROBLEM_MANAGERS, PROCESS_DEFINITION, problemProcess, READ, READ_TASK,
					UPDATE_TASK, TASK_WORK, TASK_ASSIGN, READ_INSTANCE, READ_HISTORY);
			grants.withdrawPermissions(AccessGroups.PROBLEM_MANAGERS, PROCESS_DEFINITION, problemProcess,
					CREATE_INSTANCE);
		}
		// major incidents (org.incidentflow.major): incident managers declare them (the product starts the instance in
		// their name) and work every task of them; communications leads and follow-up owner groups get the single
		// tasks assigned to them through the engine's per-task rows
		grants.grantGroup(AccessGroups.INCIDENT_MANAGERS, PROCESS_DEFINITION, "major-incident", READ, CREATE_INSTANCE,
				READ_TASK, UPDATE_TASK, TASK_WORK, TASK_ASSIGN, READ_INSTANCE, READ_HISTORY);
		// major-incident proposals (org.incidentflow.major.detection): the incident managers decide them in Tasklist;
		// detection starts them, nobody else
		grants.grantGroup(AccessGroups.INCIDENT_MANAGERS, PROCESS_DEFINITION, MAJOR_PROPOSAL_PROCESS, READ, READ_TASK,
				UPDATE_TASK, TASK_WORK, TASK_ASSIGN, READ_INSTANCE, READ_HISTORY);
		ensureRestrictedTenant();

		// requesters work in the portal (/portal), which completes their confirmation tasks; Tasklist access that
		// an earlier version granted them is withdrawn
		grants.revokeGroup(AccessGroups.REQUESTERS, APPLICATION, TASKLIST);

		String owners = AccessGroups.PROCESS_OWNERS;
		grants.grantGroup(owners, APPLICATION, COCKPIT, ACCESS);
		grants.grantGroup(owners, APPLICATION, TASKLIST, ACCESS);
		grants.grantGroup(owners, DEPLOYMENT, ANY, CREATE, READ, DELETE);
		grants.grantGroup(owners, PROCESS_DEFINITION, ANY, ALL);
		grants.grantGroup(owners, DECISION_DEFINITION, ANY, ALL);
		grants.grantGroup(owners, DECISION_REQUIREMENTS_DEFINITION, ANY, ALL);
		grants.grantGroup(owners, PROCESS_INSTANCE, ANY, CREATE, READ, Permissions.UPDATE);
	}

	private void ensureRestrictedTenant() {
		String tenantId = RestrictedIncidents.TENANT_ID;
		if (identityService.createTenantQuery().tenantId(tenantId).count() == 0) {
			Tenant tenant = identityService.newTenant(tenantId);
			tenant.setName(RestrictedIncidents.TENANT_NAME);
			identityService.saveTenant(tenant);
		}
		for (String groupId : RestrictedIncidents.TENANT_GROUPS) {
			if (identityService.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
				identityService.createTenantGroupMembership(tenantId, groupId);
			}
		}
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
