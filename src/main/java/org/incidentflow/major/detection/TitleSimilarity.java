package org.incidentflow.major.detection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How similar a new report's title is to the titles of the open cluster: the average trigram similarity (0..1). On
 * PostgreSQL it is {@code pg_trgm}'s {@code similarity()} (the extension is created by
 * db/vendor/postgresql/V161); elsewhere (H2) the same measure computed here: trigrams of each word padded with two
 * spaces in front and one behind, Jaccard index of the two sets, as pg_trgm does, so both databases give the same
 * numbers for ordinary titles and a process owner's threshold means the same on either.
 */
@Component
public class TitleSimilarity {

	private final NamedParameterJdbcTemplate jdbc;
	private final boolean postgres;

	public TitleSimilarity(DataSource dataSource, NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.postgres = isPostgres(dataSource);
	}

	/** Average similarity of {@code title} to the titles of the incidents {@code others}; 0 when there are none. */
	public double toCluster(String title, List<String> others) {
		if (others.isEmpty() || title == null || title.isBlank()) {
			return 0;
		}
		if (postgres) {
			Double average = jdbc.queryForObject("select avg(similarity(title, :title)) from incident"
					+ " where number in (:numbers)", Map.of("title", title, "numbers", others), Double.class);
			return average == null ? 0 : round(average);
		}
		List<String> titles = jdbc.queryForList("select title from incident where number in (:numbers)",
				Map.of("numbers", others), String.class);
		return round(titles.stream().mapToDouble(t -> trigramSimilarity(title, t)).average().orElse(0));
	}

	/** Whether {@code pg_trgm} answers (for the documentation and the tests). */
	public boolean usesPgTrgm() {
		return postgres;
	}

	/** pg_trgm's similarity: shared trigrams over all trigrams of both texts. */
	static double trigramSimilarity(String a, String b) {
		Set<String> left = trigrams(a);
		Set<String> right = trigrams(b);
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		Set<String> shared = new HashSet<>(left);
		shared.retainAll(right);
		return (double) shared.size() / (left.size() + right.size() - shared.size());
	}

	static Set<String> trigrams(String text) {
		Set<String> trigrams = new HashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.isEmpty()) {
				continue;
			}
			String padded = "  " + word + " ";
			for (int i = 0; i + 3 <= padded.length(); i++) {
				trigrams.add(padded.substring(i, i + 3));
			}
		}
		return trigrams;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
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
