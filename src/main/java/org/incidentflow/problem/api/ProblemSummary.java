package org.incidentflow.problem.api;

import java.time.Instant;

import org.incidentflow.problem.Problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of the problem list. */
@Schema(name = "ProblemSummary")
public record ProblemSummary(String number, String title, String service, String configurationItem, String state,
		String ownerGroup, String knownErrorNumber, Instant loggedAt, Instant updatedAt) {

	static ProblemSummary of(Problem p) {
		return new ProblemSummary(p.getNumber(), p.getTitle(), p.getService(), p.getConfigurationItem(),
				p.getState().code(), p.getOwnerGroup(), p.getKnownErrorNumber(), p.getLoggedAt(), p.getUpdatedAt());
	}

}
