package org.incidentflow.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.incidentflow.knowledge.KnowledgeSearch.Audience;
import org.incidentflow.knowledge.KnowledgeSearch.Kind;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * PostgreSQL: full text and trigrams, both served by the GIN indexes of V161. A record is a candidate when its
 * weighted tsvector matches any query word ({@code websearch_to_tsquery} of the words joined with "or") or a word is
 * trigram-close to a word of its title, symptom or error code ({@code <%}, pg_trgm's word similarity, for typos such as
 * "outlok"). The database ranks with {@code ts_rank_cd} (cover density, weights title A, symptom and error code B,
 * body and workaround C) and reports per word whether it matched (1 for a full-text match, else its word similarity);
 * {@link Ranking} does the rest. Every value is a bind parameter.
 */
class PostgresSearchBackend implements SearchBackend {

	private final NamedParameterJdbcTemplate jdbc;
	private final ArticleMarkdown markdown;

	PostgresSearchBackend(NamedParameterJdbcTemplate jdbc, ArticleMarkdown markdown) {
		this.jdbc = jdbc;
		this.markdown = markdown;
	}

	@Override
	public List<Ranking.Candidate> candidates(SearchRequest request) {
		List<String> members = request.terms().allMembers();
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("web", String.join(" or ", members));
		params.addValue("now", Timestamp.from(request.now()));
		params.addValue("n", request.candidates());
		for (int i = 0; i < members.size(); i++) {
			params.addValue("m" + i, members.get(i));
		}
		List<Ranking.Candidate> all = new ArrayList<>();
		if (request.kind() == null || request.kind() == Kind.KNOWN_ERROR) {
			String sql = query(members.size(), "known_error",
					"r.number, r.title, r.workaround as summary, r.service, r.configuration_items",
					"r.state = 'PUBLISHED' and (r.valid_to is null or r.valid_to > :now)");
			all.addAll(jdbc.query(sql, params, (rs, row) -> candidate(rs, Kind.KNOWN_ERROR, members,
					rs.getString("summary"), rs.getString("configuration_items"))));
		}
		if (request.kind() == null || request.kind() == Kind.ARTICLE) {
			String audience = request.audience() == Audience.REQUESTER ? " and r.audience = 'REQUESTER'" : "";
			String sql = query(members.size(), "knowledge_article",
					"r.number, r.title, left(r.body, 4000) as summary, r.service, null as configuration_items",
					"r.state = 'PUBLISHED'" + audience);
			all.addAll(jdbc.query(sql, params, (rs, row) -> candidate(rs, Kind.ARTICLE, members,
					markdown.excerpt(rs.getString("summary")), null)));
		}
		return all;
	}

	private static String query(int members, String table, String columns, String published) {
		StringBuilder similarity = new StringBuilder();
		StringBuilder typo = new StringBuilder();
		StringBuilder total = new StringBuilder("x.rank");
		for (int i = 0; i < members; i++) {
			similarity.append(", case when r.search_vector @@ plainto_tsquery('english', :m").append(i)
				.append(") then 1.0 else word_similarity(:m").append(i).append(", r.search_text) end as s").append(i);
			typo.append(" or :m").append(i).append(" <% r.search_text");
			total.append(" + x.s").append(i);
		}
		return "select * from (select " + columns + ", ts_rank_cd(r.search_vector, q.tsq, 32) as rank" + similarity
				+ " from " + table + " r, websearch_to_tsquery('english', :web) q(tsq) where " + published
				+ " and (r.search_vector @@ q.tsq" + typo + ")) x order by " + total + " desc, x.number limit :n";
	}

	private static Ranking.Candidate candidate(ResultSet rs, Kind kind, List<String> members, String summary,
			String cis) throws SQLException {
		Map<String, Double> similarity = new HashMap<>();
		for (int i = 0; i < members.size(); i++) {
			similarity.put(members.get(i), rs.getDouble("s" + i));
		}
		List<String> items = cis == null || cis.isBlank() ? List.of()
				: Arrays.stream(cis.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		// cover density rank with normalisation 32 is rank/(rank+1); doubled so that a strong title match reaches 1
		return new Ranking.Candidate(kind, rs.getString("number"), rs.getString("title"), summary,
				rs.getString("service"), items, similarity, 2 * rs.getDouble("rank"));
	}
}
