package org.incidentflow.problem.api;

import java.time.Instant;
import java.util.List;

import org.incidentflow.problem.Problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** A problem with its linked incidents (those the reader may see) and its audit trail. */
@Schema(name = "Problem")
public record ProblemView(String number, String title, String description, String service, String configurationItem,
		@Schema(allowableValues = { "new", "investigating", "known_error", "fix_in_progress", "resolved", "closed" }) String state,
		String rootCause, String workaround, String ownerGroup, String knownErrorNumber, String changeReference,
		String resolution, String raisedBy, String origin, Instant loggedAt, Instant resolvedAt, Instant closedAt,
		Instant updatedAt, List<LinkedIncident> incidents, List<Activity> activity) {

	public record LinkedIncident(String number, String title, String state, String onHoldReason) {
	}

	public record Activity(Instant at, String actor, String event, String field, String oldValue, String newValue,
			String detail) {
	}

	static ProblemView of(Problem p, List<LinkedIncident> incidents, List<Activity> activity) {
		return new ProblemView(p.getNumber(), p.getTitle(), p.getDescription(), p.getService(),
				p.getConfigurationItem(), p.getState().code(), p.getRootCause(), p.getWorkaround(), p.getOwnerGroup(),
				p.getKnownErrorNumber(), p.getChangeReference(), p.getResolution(), p.getRaisedBy(), p.getOrigin().code(),
				p.getLoggedAt(), p.getResolvedAt(), p.getClosedAt(), p.getUpdatedAt(), incidents, activity);
	}

}
