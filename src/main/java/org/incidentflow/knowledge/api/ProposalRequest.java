package org.incidentflow.knowledge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "KnownErrorProposal", description = "Publish a resolved incident's workaround as a known error (a draft for problem managers)")
public record ProposalRequest(
		@Schema(description = "The problem the known error belongs to", example = "PRB-000001") @NotBlank @Size(max = 20) String problemNumber) {
}
