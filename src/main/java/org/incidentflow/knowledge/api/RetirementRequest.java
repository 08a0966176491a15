package org.incidentflow.knowledge.api;

import jakarta.validation.constraints.Size;

import org.incidentflow.knowledge.KnownError;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "KnownErrorRetirement", description = "Why the known error no longer applies")
public record RetirementRequest(
		@Schema(description = "The permanent fix", example = "Fixed by CHG-000123: the add-in was updated") @Size(max = KnownError.TEXT_MAX) String solution) {
}
