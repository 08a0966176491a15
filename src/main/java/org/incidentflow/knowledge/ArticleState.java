package org.incidentflow.knowledge;

import java.util.Locale;

/**
 * Lifecycle of an article and of each of its revisions: draft → in review → published → retired. A revision that a
 * newer one replaced is {@code superseded} (only revisions are; the article itself is never superseded).
 */
public enum ArticleState {
	DRAFT, IN_REVIEW, PUBLISHED, SUPERSEDED, RETIRED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
