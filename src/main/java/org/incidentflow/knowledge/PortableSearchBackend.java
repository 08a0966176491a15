package org.incidentflow.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.incidentflow.knowledge.KnowledgeSearch.Audience;
import org.incidentflow.knowledge.KnowledgeSearch.Kind;

/**
 * H2 (the embedded default) has neither full-text ranking nor trigrams in SQL, so the portable search reads the
 * published records the viewer may see and matches in Java: a word matches a word of the record when equal, equal
 * after a light English suffix strip ("crashes" = "crashing"), or — for typos — when their trigram similarity (the
 * formula of pg_trgm) reaches {@link Ranking#MATCH}. The text rank weighs where a word matched: title 1, symptom and
 * error code 0.6, body and workaround 0.3. What ranks worse than on PostgreSQL (docs/knowledge.md): no real stemmer
 * (irregular forms, "printing" vs "printer"), no proximity (cover density), and it reads every published record on
 * each search, which is fine for an embedded knowledge base of hundreds, not for tens of thousands.
 */
class PortableSearchBackend implements SearchBackend {

	private static final double TITLE = 1.0;
	private static final double SYMPTOM = 0.6;
	private static final double BODY = 0.3;

	private final KnownErrorRepository knownErrors;
	private final KnowledgeArticleRepository articles;
	private final ArticleMarkdown markdown;

	PortableSearchBackend(KnownErrorRepository knownErrors, KnowledgeArticleRepository articles,
			ArticleMarkdown markdown) {
		this.knownErrors = knownErrors;
		this.articles = articles;
		this.markdown = markdown;
	}

	@Override
	public List<Ranking.Candidate> candidates(SearchRequest request) {
		List<Ranking.Candidate> all = new ArrayList<>();
		List<String> members = request.terms().allMembers();
		if (request.kind() == null || request.kind() == Kind.KNOWN_ERROR) {
			for (KnownError k : knownErrors.findByStateOrderByNumberDesc(KnownErrorState.PUBLISHED)) {
				if (!k.isSuggestable(request.now())) {
					continue;
				}
				Ranking.Candidate c = match(Kind.KNOWN_ERROR, k.getNumber(), k.getTitle(), k.getWorkaround(),
						k.getService(), k.configurationItemList(), members, k.getTitle(),
						k.getSymptom() + " " + (k.getErrorCode() == null ? "" : k.getErrorCode()), k.getWorkaround());
				if (c != null) {
					all.add(c);
				}
			}
		}
		if (request.kind() == null || request.kind() == Kind.ARTICLE) {
			List<KnowledgeArticle> published = request.audience() == Audience.REQUESTER
					? articles.findByStateAndAudienceOrderByNumberDesc(ArticleState.PUBLISHED,
							org.incidentflow.knowledge.Audience.REQUESTER)
					: articles.findAllByOrderByNumberDesc().stream().filter(KnowledgeArticle::isPublished).toList();
			for (KnowledgeArticle a : published) {
				Ranking.Candidate c = match(Kind.ARTICLE, a.getNumber(), a.getTitle(), null, a.getService(), List.of(),
						members, a.getTitle(), "", a.getBody());
				if (c != null) {
					all.add(new Ranking.Candidate(c.kind(), c.id(), c.title(), markdown.excerpt(a.getBody()),
							c.service(), c.cis(), c.similarity(), c.textRank()));
				}
			}
		}
		return all;
	}

	private static Ranking.Candidate match(Kind kind, String id, String title, String summary, String service,
			List<String> cis, List<String> members, String a, String b, String c) {
		Set<String> titleWords = stems(a);
		Set<String> symptomWords = stems(b);
		Set<String> bodyWords = stems(c);
		Set<String> typoWords = new HashSet<>(QueryTerms.words(a));
		typoWords.addAll(QueryTerms.words(b));
		Map<String, Double> similarity = new HashMap<>();
		double rank = 0;
		for (String member : members) {
			String stem = stem(member);
			double weight = titleWords.contains(stem) ? TITLE
					: symptomWords.contains(stem) ? SYMPTOM : bodyWords.contains(stem) ? BODY : 0;
			if (weight > 0) {
				similarity.put(member, 1.0);
				rank += weight;
				continue;
			}
			double best = 0;
			for (String word : typoWords) {
				best = Math.max(best, trigramSimilarity(member, word));
			}
			similarity.put(member, best);
		}
		if (similarity.values().stream().noneMatch(s -> s >= Ranking.MATCH)) {
			return null;
		}
		return new Ranking.Candidate(kind, id, title, summary, service, cis, similarity,
				rank / Math.max(1, members.size()) * 2);
	}

	private static Set<String> stems(String text) {
		Set<String> stems = new HashSet<>();
		for (String word : QueryTerms.words(text)) {
			stems.add(stem(word));
		}
		return stems;
	}

	/** A light English suffix strip, enough for plurals and verb forms of the words users type. */
	static String stem(String word) {
		for (String suffix : new String[] { "ing", "ed", "es", "s" }) {
			if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
				return word.substring(0, word.length() - suffix.length());
			}
		}
		return word;
	}

	/** pg_trgm's similarity of two words: shared trigrams ÷ all trigrams, words padded with two blanks before, one after. */
	static double trigramSimilarity(String left, String right) {
		Set<String> a = trigrams(left);
		Set<String> b = trigrams(right);
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> shared = new HashSet<>(a);
		shared.retainAll(b);
		return (double) shared.size() / (a.size() + b.size() - shared.size());
	}

	private static Set<String> trigrams(String word) {
		String padded = "  " + word + " ";
		Set<String> trigrams = new HashSet<>();
		for (int i = 0; i + 3 <= padded.length(); i++) {
			trigrams.add(padded.substring(i, i + 3));
		}
		return trigrams;
	}
}
