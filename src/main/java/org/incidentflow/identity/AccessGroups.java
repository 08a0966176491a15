package org.incidentflow.identity;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The Camunda groups the product knows. Group ids are also the Spring Security authorities of API users.
 */
public final class AccessGroups {

	public static final String ADMINS = Groups.CAMUNDA_ADMIN;
	public static final String PROCESS_OWNERS = "process-owners";
	public static final String SERVICE_DESK = "service-desk";
	public static final String NETWORK_OPS = "network-ops";
	public static final String APP_SUPPORT = "app-support";
	public static final String SECURITY_OPS = "security-ops";
	public static final String INCIDENT_MANAGERS = "incident-managers";
	/** Problem management (org.incidentflow.problem): investigate root causes, manage problems and proposals. */
	public static final String PROBLEM_MANAGERS = "problem-managers";
	public static final String REQUESTERS = "requesters";
	public static final String INTEGRATIONS = "integrations";
	/** Maintain the configuration-item registry ({@code /api/configuration-items}, package asset). */
	public static final String CMDB_MANAGERS = "cmdb-managers";
	/** Review and publish knowledge articles (org.incidentflow.knowledge.KnowledgeRoles). */
	public static final String KNOWLEDGE_MANAGERS = "knowledge-managers";

	/** Groups that work incidents in Tasklist (support groups and incident managers). */
	public static final List<String> AGENTS = List.of(SERVICE_DESK, NETWORK_OPS, APP_SUPPORT, SECURITY_OPS,
			INCIDENT_MANAGERS, PROBLEM_MANAGERS);

	/** Groups that may read the reports ({@code /reports}, {@code /api/reports}): incident managers, process owners, administrators. */
	public static final List<String> REPORT_VIEWERS = List.of(INCIDENT_MANAGERS, PROCESS_OWNERS, ADMINS);

	/**
	 * Groups that may use the self-service portal ({@code /portal}): requesters, and agents and administrators for
	 * their own incidents (the portal shows every user only the incidents whose caller they are).
	 */
	public static final List<String> PORTAL_USERS = List.of(REQUESTERS, SERVICE_DESK, NETWORK_OPS, APP_SUPPORT,
			SECURITY_OPS, INCIDENT_MANAGERS, ADMINS);

	/** Every group with its display name, in the order Admin lists them. */
	static final List<List<String>> ALL = List.of(
			List.of(ADMINS, "Camunda administrators"),
			List.of(PROCESS_OWNERS, "Process owners"),
			List.of(SERVICE_DESK, "Service desk"),
			List.of(NETWORK_OPS, "Network operations"),
			List.of(APP_SUPPORT, "Application support"),
			List.of(SECURITY_OPS, "Security operations"),
			List.of(INCIDENT_MANAGERS, "Incident managers"),
			List.of(PROBLEM_MANAGERS, "Problem managers"),
			List.of(REQUESTERS, "Requesters"),
			List.of(INTEGRATIONS, "Integrations (technical users)"),
			List.of(CMDB_MANAGERS, "CMDB managers"),
			List.of(KNOWLEDGE_MANAGERS, "Knowledge managers"));

	private AccessGroups() {
	}

}
