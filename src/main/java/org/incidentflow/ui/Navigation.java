package org.incidentflow.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.incidentflow.identity.AccessGroups;

/**
 * Where a signed-in user may go: the product's pages and the Camunda webapps, by group. One list for every page's
 * header; a new page adds its entry here.
 */
public final class Navigation {

	/** One entry of the header's navigation; {@code external} for the Camunda webapps (their own login). */
	public record Link(String id, String label, String href, boolean external) {
	}

	public static final String TASKLIST = "/camunda/app/tasklist/";

	private Navigation() {
	}

	public static List<Link> linksFor(Collection<String> groups) {
		List<Link> links = new ArrayList<>();
		if (groups.stream().anyMatch(AccessGroups.REPORT_VIEWERS::contains)) {
			links.add(new Link("reports", "Reports", "/reports", false));
		}
		if (groups.stream().anyMatch(AccessGroups.PORTAL_USERS::contains)) {
			links.add(new Link("portal", "Help centre", "/portal", false));
			links.add(new Link("my-incidents", "My incidents", "/portal/incidents", false));
		}
		// requesters work in the portal only (issue 10); agents and process owners in Tasklist
		if (groups.stream().anyMatch(g -> AccessGroups.AGENTS.contains(g) || AccessGroups.PROCESS_OWNERS.equals(g)
				|| AccessGroups.ADMINS.equals(g))) {
			links.add(new Link("tasklist", "Tasklist", TASKLIST, true));
		}
		if (groups.contains(AccessGroups.PROCESS_OWNERS) || groups.contains(AccessGroups.ADMINS)
				|| groups.contains(AccessGroups.INCIDENT_MANAGERS)) {
			links.add(new Link("cockpit", "Cockpit", "/camunda/app/cockpit/", true));
		}
		if (groups.contains(AccessGroups.ADMINS)) {
			links.add(new Link("admin", "Admin", "/camunda/app/admin/", true));
		}
		return links;
	}

	/**
	 * Where a user belongs ({@code /} and the sign-in without a page asked for): agents in Tasklist, where their
	 * work is; report viewers who are no agents (process owners) on the reports; requesters in the portal; anyone
	 * else on the page that says what they may open.
	 */
	public static String home(Collection<String> groups) {
		if (groups.stream().anyMatch(g -> AccessGroups.AGENTS.contains(g) || AccessGroups.ADMINS.equals(g))) {
			return TASKLIST;
		}
		if (groups.stream().anyMatch(AccessGroups.REPORT_VIEWERS::contains)) {
			return "/reports";
		}
		if (groups.contains(AccessGroups.REQUESTERS)) {
			return "/portal";
		}
		return UiPaths.FORBIDDEN;
	}

}
