package org.incidentflow.knowledge;

import java.time.Instant;

import org.incidentflow.knowledge.KnowledgeSearch.Audience;
import org.incidentflow.knowledge.KnowledgeSearch.Kind;

/** One search as a backend runs it; {@code kind} null = both; {@code now} decides which known errors are still valid. */
record SearchRequest(QueryTerms terms, String service, String configurationItem, Kind kind, Audience audience,
		int limit, Instant now) {

	/** How many candidates a backend hands to the ranking: enough that boosts can reorder, few enough to stay fast. */
	int candidates() {
		return Math.max(50, limit * 5);
	}
}
