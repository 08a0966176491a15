package org.incidentflow.knowledge.api;

import java.time.Instant;

import org.incidentflow.knowledge.KnowledgeArticle;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Article", description = "A knowledge article as this reader may see it")
public record ArticleView(String number,
		@Schema(allowableValues = { "draft", "in_review", "published", "retired" }) String state, String title,
		@Schema(description = "Markdown source") String body,
		@Schema(description = "The body rendered and sanitised (no script, no event handlers)") String html,
		String service, String category, @Schema(allowableValues = { "internal", "requester" }) String audience,
		@Schema(description = "Revision readers see; null before the first publication") Integer publishedRevision,
		long viewCount, long helpfulCount, long unhelpfulCount, String createdBy, Instant createdAt, Instant updatedAt,
		Instant publishedAt) {

	static ArticleView of(KnowledgeArticle a, String html) {
		return new ArticleView(a.getNumber(), a.getState().code(), a.getTitle(), a.getBody(), html, a.getService(),
				a.getCategory(), a.getAudience().code(), a.getPublishedRevision(), a.getViewCount(),
				a.getHelpfulCount(), a.getUnhelpfulCount(), a.getCreatedBy(), a.getCreatedAt(), a.getUpdatedAt(),
				a.getPublishedAt());
	}
}
