package org.incidentflow.knowledge.api;

import jakarta.validation.constraints.Size;

import org.incidentflow.knowledge.KnowledgeArticle;
import org.incidentflow.knowledge.KnowledgeArticles;

import io.swagger.v3.oas.annotations.media.Schema;

/** An article to write or change; on update, absent fields stay as they are. */
@Schema(name = "ArticleRequest", description = "A knowledge article; title, body, audience and service are required when creating one")
public record ArticleRequest(
		@Schema(example = "Connect to the VPN from home") @Size(max = KnowledgeArticle.TITLE_MAX) String title,
		@Schema(description = "Markdown; HTML in it is shown as text, never run", example = "1. Open **GlobalProtect**\n2. Sign in with your company account") @Size(max = KnowledgeArticle.BODY_MAX) String body,
		@Schema(example = "vpn") @Size(max = 100) String service,
		@Schema(example = "how-to") @Size(max = 100) String category,
		@Schema(allowableValues = { "internal", "requester" }, example = "requester") @Size(max = 20) String audience) {

	KnowledgeArticles.Draft draft() {
		return new KnowledgeArticles.Draft(title, body, service, category, audience);
	}
}
