package org.incidentflow.incident.api;

import java.util.List;

import org.incidentflow.incident.Incident;

/** For page tests outside this package: an incident as {@link IncidentSearch#details} would answer it. */
public final class IncidentDetailsFixtures {

	private IncidentDetailsFixtures() {
	}

	public static IncidentDetails details(Incident incident, boolean internals, List<CommentView> comments,
			List<ActivityView> activity) {
		return IncidentDetails.of(incident, internals, comments, activity);
	}

}
