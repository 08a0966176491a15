package org.incidentflow.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** One bad input value, listed in the {@code errors} property of a 400 problem. */
@Schema(name = "FieldError", description = "A rejected input value")
public record FieldProblem(
		@Schema(description = "Name of the JSON property or query parameter", example = "title") String field,
		@Schema(description = "What is wrong with it", example = "must not be blank") String message) {
}
