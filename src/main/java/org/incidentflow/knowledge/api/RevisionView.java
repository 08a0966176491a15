package org.incidentflow.knowledge.api;

import java.time.Instant;

import org.incidentflow.knowledge.ArticleRevision;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ArticleRevision", description = "One revision of an article")
public record RevisionView(int revision,
		@Schema(allowableValues = { "draft", "in_review", "published", "superseded", "retired" }) String state,
		String title, String body, String service, String category, String audience, String author,
		Instant createdAt, String reviewedBy, Instant publishedAt) {

	static RevisionView of(ArticleRevision r) {
		return new RevisionView(r.getRevision(), r.getState().code(), r.getTitle(), r.getBody(), r.getService(),
				r.getCategory(), r.getAudience().code(), r.getAuthor(), r.getCreatedAt(), r.getReviewedBy(),
				r.getPublishedAt());
	}
}
