package org.incidentflow.incident.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ResolutionConfirmation", description = "The caller's answer to a resolution")
public record ConfirmationRequest(
		@Schema(description = "true: service is restored, close the incident; false: reopen it", example = "false")
		@NotNull Boolean accepted,

		@Schema(description = "Why the resolution is rejected; required when accepted is false", example = "Still disconnects")
		@Size(max = CancellationRequest.REASON_MAX) String reason) {
}
