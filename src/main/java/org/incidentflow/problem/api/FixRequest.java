package org.incidentflow.problem.api;

import jakarta.validation.constraints.Size;

import org.incidentflow.problem.Problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** "Fix through a change" done: the change that fixed the problem; the same fields as its Camunda Form. */
@Schema(name = "ProblemFix", description = "The change that put the permanent fix in")
public record FixRequest(
		@Schema(description = "Reference of the change; required", example = "CHG-0042")
		@Size(max = Problem.CHANGE_MAX) String changeReference,

		@Schema(description = "What the change fixed; required", example = "Licence upgraded to 1000 sessions")
		@Size(max = Problem.TEXT_MAX) String resolution) {
}
