package org.incidentflow.knowledge.api;

import java.util.List;
import java.util.Locale;

import org.incidentflow.knowledge.KnowledgeSearch.Hit;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "KnowledgeHit", description = "One ranked search result or suggestion")
public record HitView(@Schema(allowableValues = { "article", "known_error" }) String kind,
		@Schema(example = "KE-000001") String id, String title,
		@Schema(description = "Known error: its workaround; article: a plain-text excerpt") String summary,
		@Schema(description = "Higher is better; comparable within one answer") double score,
		@Schema(description = "Words of the query that matched (also through a synonym or a typo)") List<String> matchedTerms,
		@Schema(example = "same service email; matches 'outlook', 'crash'") String reason) {

	static HitView of(Hit hit) {
		return new HitView(hit.kind().name().toLowerCase(Locale.ROOT), hit.id(), hit.title(), hit.summary(),
				hit.score(), hit.matchedTerms(), hit.reason());
	}
}
