package org.incidentflow.knowledge.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.incidentflow.knowledge.ArticleFeedback;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ArticleFeedback", description = "Was the article helpful? Once per user and article")
public record FeedbackRequest(@Schema(example = "true") @NotNull Boolean helpful,
		@Schema(example = "Step 3 fixed it") @Size(max = ArticleFeedback.COMMENT_MAX) String comment) {
}
