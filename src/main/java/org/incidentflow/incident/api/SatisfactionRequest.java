package org.incidentflow.incident.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.incidentflow.incident.Incident;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "SatisfactionRating", description = "The caller's answer to the satisfaction survey of a resolved or closed incident")
public record SatisfactionRequest(
		@Schema(description = "1 (very dissatisfied) to 5 (very satisfied)", example = "4", minimum = "1", maximum = "5")
		@NotNull @Min(1) @Max(5) Integer score,

		@Schema(description = "Optional, in the caller's words", example = "Quick and friendly, thank you")
		@Size(max = Incident.CSAT_COMMENT_MAX) String comment) {
}
