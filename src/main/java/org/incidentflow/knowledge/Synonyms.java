package org.incidentflow.knowledge;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Words that mean the same thing to this service desk, from {@code incidentflow.knowledge.synonyms} (one
 * comma-separated group per entry: {@code wifi, wi-fi, wireless, wlan}). A service desk adds its own product names
 * there without a release.
 */
@Component
public class Synonyms {

	private final Map<String, Set<String>> byWord = new HashMap<>();

	@Autowired
	public Synonyms(KnowledgeSettings settings) {
		this(settings.synonyms());
	}

	Synonyms(List<String> groups) {
		for (String group : groups) {
			List<String> words = QueryTerms.words(group.replace(',', ' '));
			for (String word : words) {
				Set<String> others = byWord.computeIfAbsent(word, w -> new LinkedHashSet<>());
				words.stream().filter(w -> !w.equals(word)).forEach(others::add);
			}
		}
	}

	public static Synonyms none() {
		return new Synonyms(List.of());
	}

	public Set<String> of(String word) {
		return byWord.getOrDefault(word, Set.of());
	}
}
