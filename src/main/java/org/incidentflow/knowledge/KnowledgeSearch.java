package org.incidentflow.knowledge;

import java.util.List;

/**
 * Ranked search over published knowledge, for the screens that suggest solutions (portal, task forms).
 * <p>
 * The audience decides what may be returned: a requester gets published {@code requester} articles and the public
 * workaround of published known errors, never internal articles or a known error's root cause.
 */
public interface KnowledgeSearch {

	enum Audience {
		REQUESTER, INTERNAL
	}

	enum Kind {
		ARTICLE, KNOWN_ERROR
	}

	/**
	 * One suggestion.
	 *
	 * @param id           article id or known-error number
	 * @param summary      for a known error its workaround, for an article an excerpt of its body (plain text)
	 * @param matchedTerms the words of the query that matched
	 * @param reason       why it was suggested, in a sentence an agent can read ("same service", "matches 'vpn'")
	 */
	record Hit(Kind kind, String id, String title, String summary, double score, List<String> matchedTerms,
			String reason) {
	}

	/**
	 * @param text     what the user typed (title, description); blank gives no hits
	 * @param service  the affected service, ranks items of that service first; may be null
	 * @param kind     only this kind, or null for both
	 * @param audience who will read the hits
	 * @param limit    at most this many, best first
	 */
	List<Hit> search(String text, String service, Kind kind, Audience audience, int limit);
}
