package org.incidentflow.knowledge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incidentflow.knowledge}: the synonym groups of the search (application.yaml, README "Knowledge").
 *
 * @param synonyms one comma-separated group of words per entry
 */
@ConfigurationProperties("incidentflow.knowledge")
public record KnowledgeSettings(List<String> synonyms) {

	public KnowledgeSettings {
		synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
	}
}
