package org.incidentflow.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.incidentflow.incident.ActivityLog;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link KnowledgeSearch} of the product: PostgreSQL's full text and trigrams where the database is PostgreSQL,
 * the portable matcher on H2; the same {@link Ranking} on both. Only published records are found, known errors only
 * until their {@code validTo}, and a requester audience gets requester articles and known errors' workarounds only.
 */
@Service
public class RankedKnowledgeSearch implements KnowledgeSearch {

	public static final int MAX_LIMIT = 50;

	private final SearchBackend backend;
	private final Synonyms synonyms;

	public RankedKnowledgeSearch(DataSource dataSource, NamedParameterJdbcTemplate jdbc, KnownErrorRepository knownErrors,
			KnowledgeArticleRepository articles, ArticleMarkdown markdown, Synonyms synonyms) {
		this.backend = isPostgres(dataSource) ? new PostgresSearchBackend(jdbc, markdown)
				: new PortableSearchBackend(knownErrors, articles, markdown);
		this.synonyms = synonyms;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Hit> search(String text, String service, Kind kind, Audience audience, int limit) {
		return search(text, service, null, kind, audience, limit);
	}

	/** With the affected configuration item: known errors naming it rank first (incident suggestions). */
	@Transactional(readOnly = true)
	public List<Hit> search(String text, String service, String configurationItem, Kind kind, Audience audience,
			int limit) {
		QueryTerms terms = QueryTerms.parse(text, synonyms);
		if (terms.isEmpty() || limit <= 0) {
			return List.of();
		}
		int bounded = Math.min(limit, MAX_LIMIT);
		SearchRequest request = new SearchRequest(terms, service, configurationItem, kind,
				audience == null ? Audience.REQUESTER : audience, bounded, ActivityLog.now());
		return Ranking.rank(terms, backend.candidates(request), service, configurationItem, bounded);
	}

	/** Which implementation answers, for the API's documentation and the tests. */
	public boolean fullText() {
		return backend instanceof PostgresSearchBackend;
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot tell which database this is", e);
		}
	}
}
