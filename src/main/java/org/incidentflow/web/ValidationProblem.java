package org.incidentflow.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Documentation only: the shape of a 400 problem as {@link ApiProblems} renders it (a {@code ProblemDetail} with the
 * extra {@code errors} property), for the OpenAPI description.
 */
@Schema(name = "ValidationProblem", description = "RFC 9457 problem for bad input; `errors` names each bad field")
public record ValidationProblem(
		@Schema(example = "about:blank") URI type,
		@Schema(example = ApiProblems.INVALID_REQUEST) String title,
		@Schema(example = "400") int status,
		@Schema(example = "One or more fields are invalid.") String detail,
		@Schema(example = "/api/incidents") URI instance,
		@Schema(description = "Absent for malformed JSON") List<FieldProblem> errors) {
}
