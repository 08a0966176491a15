package org.incidentflow.problem.api;

import jakarta.validation.constraints.Size;

import org.incidentflow.problem.Problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** The findings of "Investigate root cause"; the same fields as its Camunda Form. */
@Schema(name = "RootCause", description = "Root cause found, with the workaround if there is one")
public record RootCauseRequest(
		@Schema(description = "The underlying cause; required", example = "Concentrator licence allows 200 sessions")
		@Size(max = Problem.TEXT_MAX) String rootCause,

		@Schema(description = "What users and agents can do until the fix is in; given, it is published as the problem's known error",
				example = "Reconnect; use the backup gateway vpn2.example.com")
		@Size(max = Problem.TEXT_MAX) String workaround,

		@Schema(description = "Error code users see, for the known error", example = "VPN-809")
		@Size(max = 100) String errorCode) {
}
