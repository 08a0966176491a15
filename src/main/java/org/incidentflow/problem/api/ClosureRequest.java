package org.incidentflow.problem.api;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** The closure review of a resolved problem; the same fields as its Camunda Form. */
@Schema(name = "ProblemClosure", description = "Did the fix hold? Yes closes the problem, no sends it back to fixing")
public record ClosureRequest(
		@Schema(description = "The fix held; absent means no (as the form's checkbox)", example = "true") Boolean fixConfirmed,

		@Schema(description = "Review notes; required when the fix did not hold", example = "No recurrence in 30 days")
		@Size(max = 4000) String reviewNotes) {
}
