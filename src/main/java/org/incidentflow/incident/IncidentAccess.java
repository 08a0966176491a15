package org.incidentflow.incident;

import java.util.Set;

import org.springframework.data.jpa.domain.Specification;

/**
 * Who may see and do what with incident records, in one place. The rules:
 * <ul>
 * <li><b>Agents</b> (service-desk, network-ops, app-support, security-ops, incident-managers, camunda-admin) see every
 * incident except those of type {@code security}, which only security-ops, incident-managers and camunda-admin see.</li>
 * <li><b>Requesters</b> (group requesters, not an agent) and <b>integrations</b> (group integrations, e.g. the
 * monitoring user) see and act only on the incidents whose caller they are or that they reported. A requester may
 * report for a colleague and then follows that incident like its caller (reads it, comments), but only the caller
 * accepts or rejects the resolution and rates it. Integrations report only in their own name.</li>
 * <li>Anyone else (e.g. process-owners only) has no access to incident records through the API.</li>
 * </ul>
 * Lists and counts are restricted in the query ({@link #visibleTo(Viewer)}); a single incident the viewer may not see
 * is treated exactly like one that does not exist.
 */
public final class IncidentAccess {

	public static final String REQUESTERS = "requesters";
	public static final String INTEGRATIONS = "integrations";
	public static final String SECURITY_OPS = "security-ops";
	public static final String INCIDENT_MANAGERS = "incident-managers";
	public static final String ADMINS = "camunda-admin";

	public static final Set<String> AGENT_GROUPS = Set.of("service-desk", "network-ops", "app-support", SECURITY_OPS,
			INCIDENT_MANAGERS, ADMINS, "problem-managers");

	/** Groups cleared for incidents of type {@code security}. */
	public static final Set<String> SECURITY_CLEARED_GROUPS = Set.of(SECURITY_OPS, INCIDENT_MANAGERS, ADMINS);

	private static final Set<String> CALLER_GROUPS = Set.of(REQUESTERS, INTEGRATIONS);

	/**
	 * Activity a caller sees: the public lifecycle of their incident. Field changes, work notes, escalations and SLA
	 * events are internal to the service desk.
	 */
	public static final Set<String> PUBLIC_EVENTS = Set.of("REPORTED", "STATE_CHANGED", "COMMENT_ADDED",
			"PUT_ON_HOLD", "RESUMED", "RESOLVED", "REOPENED", "CLOSED", "CANCELED", "FOLLOW_UP", "FOLLOWED_UP");

	private IncidentAccess() {
	}

	public static boolean isAgent(Viewer viewer) {
		return viewer.inAnyOf(AGENT_GROUPS);
	}

	/** Sees only the incidents they are the caller of. */
	public static boolean isCallerOnly(Viewer viewer) {
		return !isAgent(viewer) && viewer.inAnyOf(CALLER_GROUPS);
	}

	/** May use the incident API at all. */
	public static boolean hasAccess(Viewer viewer) {
		return isAgent(viewer) || isCallerOnly(viewer);
	}

	public static boolean mayReportFor(Viewer viewer, String caller) {
		return isAgent(viewer) || (isCallerOnly(viewer) && viewer.userId().equals(caller))
				|| (isCallerOnly(viewer) && viewer.inAnyOf(Set.of(REQUESTERS)));
	}

	public static boolean maySee(Viewer viewer, Incident incident) {
		if (isAgent(viewer)) {
			return incident.getType() != IncidentType.SECURITY || viewer.inAnyOf(SECURITY_CLEARED_GROUPS);
		}
		return isCallerOnly(viewer) && (viewer.userId().equals(incident.getCaller())
				|| viewer.userId().equals(incident.getReportedBy()));
	}

	/** Internal work notes, field changes and internal activity. */
	public static boolean maySeeInternals(Viewer viewer) {
		return isAgent(viewer);
	}

	public static boolean maySeeActivity(Viewer viewer, String event) {
		return maySeeInternals(viewer) || PUBLIC_EVENTS.contains(event);
	}

	/** Accepting or rejecting a resolution: the caller, or an incident manager on the caller's behalf. */
	public static boolean mayConfirmResolution(Viewer viewer, Incident incident) {
		return viewer.userId().equals(incident.getCaller()) || viewer.inAnyOf(Set.of(INCIDENT_MANAGERS, ADMINS));
	}

	/** The same rules as {@link #maySee(Viewer, Incident)}, as a query restriction. */
	public static Specification<Incident> visibleTo(Viewer viewer) {
		if (isAgent(viewer)) {
			if (viewer.inAnyOf(SECURITY_CLEARED_GROUPS)) {
				return (root, query, cb) -> cb.conjunction();
			}
			return (root, query, cb) -> cb.notEqual(root.get("type"), IncidentType.SECURITY);
		}
		if (isCallerOnly(viewer)) {
			return (root, query, cb) -> cb.or(cb.equal(root.get("caller"), viewer.userId()),
					cb.equal(root.get("reportedBy"), viewer.userId()));
		}
		return (root, query, cb) -> cb.disjunction();
	}

}
