package org.incidentflow.incident.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Cancellation", description = "Cancel an open incident")
public record CancellationRequest(
		@Schema(example = "Reported by mistake, works again")
		@NotBlank @Size(max = REASON_MAX) String reason) {

	/** Length of {@code incident.cancel_reason}. */
	public static final int REASON_MAX = 1000;

}
