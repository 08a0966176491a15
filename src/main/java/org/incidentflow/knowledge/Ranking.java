package org.incidentflow.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.incidentflow.knowledge.KnowledgeSearch.Hit;
import org.incidentflow.knowledge.KnowledgeSearch.Kind;

/**
 * The one ranking both search implementations share, so that they differ only in how well they match words, not in
 * how they weigh a match. Per word the user wrote (a {@link QueryTerms.Group}): the best similarity of any of its
 * members (1 for a full-text match, the trigram similarity for a typo, less for a letter-swap variant); below
 * {@link #MATCH} a word does not count. Relevance = 60 % the share of the user's words that matched + 40 % the
 * database's text rank (which knows title over symptom over body). Then the affected service and configuration item
 * add a boost: the same words on the right service are the better suggestion.
 */
final class Ranking {

	/** A word counts as found from this similarity on (pg_trgm's default word-similarity threshold is 0.6). */
	static final double MATCH = 0.6;
	static final double SAME_SERVICE = 0.15;
	static final double SAME_CONFIGURATION_ITEM = 0.25;

	/** A record the backend found, before ranking. {@code similarity}: member → 0..1; {@code textRank} 0..1. */
	record Candidate(Kind kind, String id, String title, String summary, String service, List<String> cis,
			Map<String, Double> similarity, double textRank) {
	}

	private Ranking() {
	}

	static List<Hit> rank(QueryTerms query, List<Candidate> candidates, String service, String configurationItem,
			int limit) {
		List<Hit> hits = new ArrayList<>();
		for (Candidate candidate : candidates) {
			List<String> matched = new ArrayList<>();
			double coverage = 0;
			for (QueryTerms.Group group : query.groups()) {
				double best = 0;
				for (String member : group.members()) {
					double similarity = candidate.similarity().getOrDefault(member, 0.0)
							* QueryTerms.memberWeight(group, member);
					best = Math.max(best, similarity);
				}
				if (best >= MATCH) {
					matched.add(group.term());
					coverage += best;
				}
			}
			if (matched.isEmpty()) {
				continue;
			}
			coverage /= query.groups().size();
			double relevance = 0.6 * coverage + 0.4 * Math.min(1.0, candidate.textRank());
			List<String> why = new ArrayList<>();
			double boost = 0;
			if (configurationItem != null && !configurationItem.isBlank() && candidate.cis().stream()
				.anyMatch(ci -> ci.equalsIgnoreCase(configurationItem.trim()))) {
				boost += SAME_CONFIGURATION_ITEM;
				why.add("same configuration item " + configurationItem.trim());
			}
			if (service != null && !service.isBlank() && service.trim().equalsIgnoreCase(candidate.service())) {
				boost += SAME_SERVICE;
				why.add("same service " + candidate.service());
			}
			why.add("matches " + String.join(", ", matched.stream().map(m -> "'" + m + "'").toList()));
			double score = Math.round((relevance + boost) * 10_000) / 10_000.0;
			hits.add(new Hit(candidate.kind(), candidate.id(), candidate.title(), candidate.summary(), score,
					List.copyOf(matched), String.join("; ", why)));
		}
		hits.sort(Comparator.comparingDouble(Hit::score).reversed()
			.thenComparing(h -> h.kind() == Kind.KNOWN_ERROR ? 0 : 1)
			.thenComparing(Hit::id));
		return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
	}
}
