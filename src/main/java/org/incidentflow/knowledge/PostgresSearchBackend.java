package org.incidentflow.knowledge;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.incidentflow.knowledge.KnowledgeSearch.Audience;
import org.incidentflow.knowledge.KnowledgeSearch.Kind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * PostgreSQL: full text, with typos corrected through pg_trgm against the vocabulary of the records. Three steps, each
 * bounded however many records there are:
 * <ol>
 * <li><b>Words.</b> One query stems every query word ({@code to_tsvector('english', …)}) and corrects those the
 * records never use against {@code knowledge_word} (V162: the words of titles, symptoms and error codes, trigram
 * index), from similarity 0.6 on: "outlok" is looked for as "outlook", with the similarity as its weight. This is
 * PostgreSQL's documented way to suggest spellings; trigram tests against every record's text cost seconds at 50,000
 * records.</li>
 * <li><b>Pool.</b> The records that contain at least <i>k</i> of the user's words (a tsquery of every combination,
 * served by the GIN index), with <i>k</i> the smallest number whose estimated match count, from the column's
 * statistics ({@link SearchStatistics}), stays under {@link #POOL}. A record matching fewer of the words could not
 * outrank those anyway: {@link Ranking} counts the share of the words found first. If the pool has fewer records than
 * the ranking needs, <i>k</i> is lowered until it has them or is 1 (any word). Without statistics (a new or small
 * table) <i>k</i> is 1, which is the complete OR match.</li>
 * <li><b>Rank.</b> Only the pool is ranked: {@code ts_rank_cd} (cover density, weights title A, symptom and error
 * code B, body and workaround C) against {@code websearch_to_tsquery} of all words, and per word whether the record
 * contains it; {@link Ranking} does the rest.</li>
 * </ol>
 * Every value is a bind parameter; the tsqueries are built from lexemes PostgreSQL returned and quoted.
 */
class PostgresSearchBackend implements SearchBackend {

	/** Records one pool may hold: enough for the ranking to reorder, few enough that ranking them stays cheap. */
	static final int POOL = 400;
	/** Combinations in one pool query at most; above, only the rarest words are combined. */
	static final int MAX_COMBINATIONS = 20;

	private static final String WORDS = """
			select m.member, m.ord,
			       array(select distinct unnest(tsvector_to_array(to_tsvector('english', m.member)))) as lexemes,
			       exists (select 1 from knowledge_word w where w.word = m.member) as known,
			       c.word as correction, c.similarity,
			       array(select distinct unnest(tsvector_to_array(to_tsvector('english', c.word)))) as correction_lexemes
			from unnest(cast(:members as text[])) with ordinality m(member, ord)
			left join lateral (
			    select w.word, similarity(w.word, m.member) as similarity from knowledge_word w
			    where length(m.member) >= 4 and m.member = any(cast(:typed as text[])) and w.word % m.member and similarity(w.word, m.member) >= :threshold
			      and not exists (select 1 from knowledge_word e where e.word = m.member)
			    order by similarity(w.word, m.member) desc, w.word limit 2) c on true
			order by m.ord, c.similarity desc nulls first
			""";

	private final NamedParameterJdbcTemplate jdbc;
	private final ArticleMarkdown markdown;
	private final SearchStatistics statistics;

	PostgresSearchBackend(NamedParameterJdbcTemplate jdbc, ArticleMarkdown markdown) {
		this.jdbc = jdbc;
		this.markdown = markdown;
		this.statistics = new SearchStatistics(jdbc);
	}

	/** One thing to look for in the records: lexemes (all of them), standing for a query member with a weight. */
	record Word(String member, Set<String> lexemes, double similarity) {

		String tsquery() {
			return PostgresSearchBackend.and(lexemes);
		}
	}

	/**
	 * The planner prices the tests of pg_trgm ({@code %}) and of big tsqueries far too low and scans every row instead
	 * of asking the GIN indexes (at 50,000 records: 133 ms instead of 3 ms per corrected word, 82 ms instead of 17 ms
	 * for a pool), so sequential scans are off for the statements of this read-only transaction; every statement here
	 * has an index to use. Plans are made for the actual words ({@code plan_cache_mode = force_custom_plan}): a
	 * prepared statement's generic plan cannot know how selective the tsquery is.
	 */
	@Override
	public List<Ranking.Candidate> candidates(SearchRequest request) {
		jdbc.getJdbcTemplate().execute("set local enable_seqscan = off");
		jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
		try {
			return find(request);
		}
		finally {
			jdbc.getJdbcTemplate().execute("set local enable_seqscan = on");
			jdbc.getJdbcTemplate().execute("set local plan_cache_mode = auto");
		}
	}

	private List<Ranking.Candidate> find(SearchRequest request) {
		List<String> members = request.terms().allMembers();
		Set<String> swaps = new java.util.HashSet<>();
		request.terms().groups().forEach(g -> g.members().stream()
			.filter(m -> QueryTerms.memberWeight(g, m) < 1.0).forEach(swaps::add));
		List<Word> words = words(members, request.terms().groups().stream().map(QueryTerms.Group::term).toList(),
				swaps);
		if (words.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("web", String.join(" or ", members));
		params.addValue("now", Timestamp.from(request.now()));
		params.addValue("n", request.candidates());
		for (int i = 0; i < words.size(); i++) {
			params.addValue("w" + i, words.get(i).tsquery());
		}
		List<List<Word>> groups = groups(request.terms(), words);
		List<Ranking.Candidate> all = new ArrayList<>();
		if (request.kind() == null || request.kind() == Kind.KNOWN_ERROR) {
			all.addAll(pooled("known_error", groups, params, request.candidates(), table -> query(words.size(),
					"known_error", "r.number, r.title, r.workaround as summary, r.service, r.configuration_items",
					"r.state = 'PUBLISHED' and (r.valid_to is null or r.valid_to > :now)"),
					(rs, row) -> candidate(rs, Kind.KNOWN_ERROR, words, rs.getString("summary"),
							rs.getString("configuration_items"))));
		}
		if (request.kind() == null || request.kind() == Kind.ARTICLE) {
			String audience = request.audience() == Audience.REQUESTER ? " and r.audience = 'REQUESTER'" : "";
			all.addAll(pooled("knowledge_article", groups, params, request.candidates(), table -> query(words.size(),
					"knowledge_article",
					"r.number, r.title, left(r.body, 4000) as summary, r.service, null as configuration_items",
					"r.state = 'PUBLISHED'" + audience),
					(rs, row) -> candidate(rs, Kind.ARTICLE, words, markdown.excerpt(rs.getString("summary")), null)));
		}
		return all;
	}

	private List<Ranking.Candidate> pooled(String table, List<List<Word>> groups, MapSqlParameterSource params,
			int needed, java.util.function.Function<String, String> sql,
			org.springframework.jdbc.core.RowMapper<Ranking.Candidate> mapper) {
		SearchStatistics.Column column = statistics.of(table);
		List<List<Word>> rarestFirst = new ArrayList<>(groups);
		rarestFirst.sort((a, b) -> Double.compare(column.frequency(a), column.frequency(b)));
		int k = column.smallestSelectiveK(rarestFirst, POOL);
		params.addValue("pool", atLeast(rarestFirst, k));
		params.addValue("wider", "");
		params.addValue("cap", POOL);
		List<Ranking.Candidate> found = jdbc.query(sql.apply(table), params, mapper);
		// Too few records hold k of the words: add at most POOL records that hold k - 1 (any of them: they match
		// fewer words than the first ones and rank below them), lowering k until the ranking has enough.
		for (int wider = k - 1; found.size() < needed && wider >= 1; wider--) {
			params.addValue("wider", atLeast(rarestFirst, wider));
			found = jdbc.query(sql.apply(table), params, mapper);
		}
		return found;
	}

	/**
	 * One entry per word the user wrote: the words that stand for it (its members and their corrections). Two user
	 * words that come down to the same lexemes ("outlok" corrected, and "outlook") count once in the pool.
	 */
	private static List<List<Word>> groups(QueryTerms terms, List<Word> words) {
		Map<Set<String>, List<Word>> groups = new LinkedHashMap<>();
		for (QueryTerms.Group group : terms.groups()) {
			Map<String, Word> alternatives = new LinkedHashMap<>();
			for (Word word : words) {
				if (group.members().contains(word.member())) {
					alternatives.putIfAbsent(word.tsquery(), word);
				}
			}
			if (!alternatives.isEmpty()) {
				groups.putIfAbsent(alternatives.keySet(), List.copyOf(alternatives.values()));
			}
		}
		return List.copyOf(groups.values());
	}

	/**
	 * "At least k of these groups": the OR of every k-combination, each an AND of its groups' alternatives. Only the
	 * rarest groups are combined when there would be more than {@link #MAX_COMBINATIONS} combinations.
	 */
	static String atLeast(List<List<Word>> rarestFirst, int k) {
		int n = rarestFirst.size();
		while (n > k && binomial(n, k) > MAX_COMBINATIONS) {
			n--;
		}
		List<String> alternatives = rarestFirst.subList(0, n).stream().map(g -> "(" + String.join(" | ", g.stream().map(Word::tsquery).toList()) + ")")
			.toList();
		List<String> combinations = new ArrayList<>();
		combine(alternatives, k, 0, new ArrayList<>(), combinations);
		return String.join(" | ", combinations);
	}

	private static void combine(List<String> items, int k, int from, List<String> chosen, List<String> out) {
		if (chosen.size() == k) {
			out.add("(" + String.join(" & ", chosen) + ")");
			return;
		}
		for (int i = from; i <= items.size() - (k - chosen.size()); i++) {
			chosen.add(items.get(i));
			combine(items, k, i + 1, chosen, out);
			chosen.remove(chosen.size() - 1);
		}
	}

	static long binomial(int n, int k) {
		long result = 1;
		for (int i = 1; i <= k; i++) {
			result = result * (n - k + i) / i;
		}
		return result;
	}

	static String and(Set<String> lexemes) {
		List<String> quoted = lexemes.stream().map(l -> "'" + l.replace("'", "''") + "'").toList();
		return quoted.size() == 1 ? quoted.get(0) : "(" + String.join(" & ", quoted) + ")";
	}

	/**
	 * Stems and vocabulary check of every member, and spelling correction of the words the user typed (synonyms come
	 * from configuration, letter swaps are corrections already), in one round trip. A letter swap no record uses is
	 * dropped: it would only make every tsquery longer.
	 */
	private List<Word> words(List<String> members, List<String> typed, Set<String> swaps) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("members", members.toArray(String[]::new))
			.addValue("typed", typed.toArray(String[]::new))
			.addValue("threshold", Ranking.MATCH);
		List<Word> words = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		readWords(params, swaps, words, seen);
		return words;
	}

	private void readWords(MapSqlParameterSource params, Set<String> swaps, List<Word> words, Set<String> seen) {
		jdbc.query(WORDS, params, rs -> {
			String member = rs.getString("member");
			Set<String> lexemes = lexemes(rs.getArray("lexemes"));
			boolean unusedSwap = swaps.contains(member) && !rs.getBoolean("known");
			if (!lexemes.isEmpty() && !unusedSwap && seen.add(member + "\u0000" + lexemes)) {
				words.add(new Word(member, lexemes, 1.0));
			}
			String correction = rs.getString("correction");
			Set<String> corrected = lexemes(rs.getArray("correction_lexemes"));
			if (correction != null && !corrected.isEmpty() && !corrected.equals(lexemes)
					&& seen.add(member + "\u0000" + corrected)) {
				words.add(new Word(member, corrected, rs.getDouble("similarity")));
			}
		});
	}

	private static Set<String> lexemes(Array array) throws SQLException {
		if (array == null) {
			return Set.of();
		}
		String[] values = (String[]) array.getArray();
		return new java.util.TreeSet<>(Arrays.asList(values));
	}

	/**
	 * The pool, then its top {@code :n} by {@code ts_rank} (half the cost of cover density over a pool of 500), and
	 * only for those {@code ts_rank_cd} and whether each word is there.
	 */
	private static String query(int words, String table, String columns, String published) {
		StringBuilder flags = new StringBuilder();
		for (int i = 0; i < words; i++) {
			flags.append(", r.search_vector @@ to_tsquery('simple', :w").append(i).append(") as s").append(i);
		}
		return "with pool as materialized (select id from " + table + " where search_vector @@ to_tsquery('simple', :pool)"
				+ " union (select id from " + table + " where :wider <> '' and search_vector @@ to_tsquery('simple', :wider)"
				+ " limit :cap)),"
				+ " top as (select r.id, r.number, ts_rank(r.search_vector, q.tsq) as rank from pool p join " + table
				+ " r on r.id = p.id, websearch_to_tsquery('english', :web) q(tsq) where " + published
				+ " order by rank desc, r.number limit :n)"
				+ " select " + columns + ", ts_rank_cd(r.search_vector, q.tsq, 32) as rank" + flags + " from top t join "
				+ table + " r on r.id = t.id, websearch_to_tsquery('english', :web) q(tsq) order by rank desc, t.number";
	}

	private static Ranking.Candidate candidate(ResultSet rs, Kind kind, List<Word> words, String summary, String cis)
			throws SQLException {
		Map<String, Double> similarity = new HashMap<>();
		for (int i = 0; i < words.size(); i++) {
			if (rs.getBoolean("s" + i)) {
				similarity.merge(words.get(i).member(), words.get(i).similarity(), Math::max);
			}
		}
		List<String> items = cis == null || cis.isBlank() ? List.of()
				: Arrays.stream(cis.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		// cover density rank with normalisation 32 is rank/(rank+1); doubled so that a strong title match reaches 1
		return new Ranking.Candidate(kind, rs.getString("number"), rs.getString("title"), summary,
				rs.getString("service"), items, similarity, 2 * rs.getDouble("rank"));
	}
}
