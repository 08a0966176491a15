package org.incidentflow.problem.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.incidentflow.problem.Problem;

import io.swagger.v3.oas.annotations.media.Schema;

/** A problem as the API receives it. Limits are the column lengths of the record. */
@Schema(name = "NewProblem", description = "A problem to raise")
public record NewProblemRequest(
		@Schema(description = "Short statement of the underlying issue", example = "VPN concentrator drops sessions under load")
		@NotBlank @Size(max = Problem.TITLE_MAX) String title,

		@Schema(description = "What is known so far")
		@Size(max = Problem.TEXT_MAX) String description,

		@Schema(description = "Affected business service", example = "vpn")
		@Size(max = Problem.SERVICE_MAX) String service,

		@Schema(description = "Affected configuration item", example = "vpn-gw-01")
		@Size(max = Problem.CI_MAX) String configurationItem,

		@Schema(description = "Support group that investigates with the problem managers; default problem-managers", example = "network-ops")
		@Size(max = Problem.GROUP_MAX) @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "must be a group id (lower-case letters, digits, - and _)") String ownerGroup,

		@Schema(description = "Incidents to link at once (numbers)", example = "[\"INC-000042\"]")
		@Size(max = 100) List<@NotBlank @Size(max = 20) String> incidents) {
}
