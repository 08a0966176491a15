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

	private Navigation() {
	}

	public static List<Link> linksFor(Collection<String> groups) {
		List<Link> links = new ArrayList<>();
		if (groups.stream().anyMatch(AccessGroups.REPORT_VIEWERS::contains)) {
			links.add(new Link("reports", "Reports", "/reports", false));
		}
		if (groups.stream().anyMatch(g -> AccessGroups.AGENTS.contains(g) || AccessGroups.REQUESTERS.equals(g))) {
			links.add(new Link("tasklist", "Tasklist", "/camunda/app/tasklist/", true));
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

	/** Where a user lands after signing in without a page asked for: the first product page, else "/". */
	public static String home(Collection<String> groups) {
		return linksFor(groups).stream().filter(link -> !link.external()).map(Link::href).findFirst().orElse("/");
	}

}
