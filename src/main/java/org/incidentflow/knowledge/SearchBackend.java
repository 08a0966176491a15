package org.incidentflow.knowledge;

import java.util.List;

/** How one database finds candidates and says how well each matches every query word. */
interface SearchBackend {

	List<Ranking.Candidate> candidates(SearchRequest request);
}
