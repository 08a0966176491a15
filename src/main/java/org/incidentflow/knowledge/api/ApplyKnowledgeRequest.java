package org.incidentflow.knowledge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ApplyKnowledge", description = "The known error or article used for this incident")
public record ApplyKnowledgeRequest(@Schema(example = "KE-000001") @NotBlank @Size(max = 20) String id) {
}
