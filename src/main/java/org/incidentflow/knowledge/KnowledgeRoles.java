package org.incidentflow.knowledge;

import java.util.Set;

import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.Viewer;

/**
 * Who may do what with knowledge, in one place:
 * <ul>
 * <li>agents (the incident agent groups) draft articles and known errors, read everything, and apply knowledge to
 * incidents;</li>
 * <li>{@code knowledge-managers} review, publish and retire articles;</li>
 * <li>{@code problem-managers} review, publish and retire known errors (problem management owns the KEDB);</li>
 * <li>requesters read published {@code requester} articles and, through the search, the title and workaround of
 * published known errors; never an internal article, a draft, or a known error's root cause.</li>
 * </ul>
 * Administrators may do everything.
 */
public final class KnowledgeRoles {

	public static final String KNOWLEDGE_MANAGERS = "knowledge-managers";
	/** Problem management's group (its feature adds the group and its demo user). */
	public static final String PROBLEM_MANAGERS = "problem-managers";

	private KnowledgeRoles() {
	}

	/** Reads internal knowledge and drafts: agents and both manager groups. */
	public static boolean isInternalReader(Viewer viewer) {
		return IncidentAccess.isAgent(viewer) || viewer.inAnyOf(Set.of(KNOWLEDGE_MANAGERS, PROBLEM_MANAGERS));
	}

	/** Reads at least published requester articles: everyone with incident access, and the managers. */
	public static boolean isReader(Viewer viewer) {
		return isInternalReader(viewer) || IncidentAccess.hasAccess(viewer);
	}

	public static boolean mayDraft(Viewer viewer) {
		return isInternalReader(viewer);
	}

	public static boolean mayPublishArticles(Viewer viewer) {
		return viewer.inAnyOf(Set.of(KNOWLEDGE_MANAGERS, IncidentAccess.ADMINS));
	}

	public static boolean mayPublishKnownErrors(Viewer viewer) {
		return viewer.inAnyOf(Set.of(PROBLEM_MANAGERS, IncidentAccess.ADMINS));
	}

}
