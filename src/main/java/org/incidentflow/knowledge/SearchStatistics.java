package org.incidentflow.knowledge;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How common each lexeme is in a table's {@code search_vector}, as PostgreSQL's own statistics say
 * ({@code pg_stats.most_common_elems}, kept by ANALYZE and autovacuum): what the search needs to pick a pool that is
 * small but holds the best matches. A lexeme the statistics do not list is rarer than the rarest one they list. Read
 * at most once a minute per table and node: statistics change slowly, and a node that reads an older copy only picks
 * a slightly different pool size; nothing another node must see lives here.
 */
class SearchStatistics {

	private static final Duration FRESH = Duration.ofMinutes(1);
	private static final String SQL = """
			select c.reltuples, s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs
			from pg_class c
			left join pg_stats s on s.schemaname = current_schema() and s.tablename = c.relname
			                    and s.attname = 'search_vector'
			where c.relname = :table and c.relnamespace = cast(current_schema() as regnamespace)
			""";

	private final NamedParameterJdbcTemplate jdbc;
	private final Map<String, Column> columns = new ConcurrentHashMap<>();

	SearchStatistics(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Column of(String table) {
		Column known = columns.get(table);
		if (known != null && System.nanoTime() - known.readAt() < FRESH.toNanos()) {
			return known;
		}
		Column read = jdbc.query(SQL, new MapSqlParameterSource("table", table), rs -> {
			if (!rs.next()) {
				return Column.NONE;
			}
			return Column.of(rs.getDouble("reltuples"), rs.getArray("elems"), rs.getArray("freqs"));
		});
		columns.put(table, read);
		return read;
	}

	/**
	 * One table's statistics. {@code rows} ≤ 0 or no element frequencies: unknown (never analysed), and every
	 * estimate says "few", so the search falls back to the complete match.
	 */
	record Column(double rows, Map<String, Double> frequencies, double rarest, long readAt) {

		static final Column NONE = new Column(0, Map.of(), 0, 0);

		static Column of(double rows, Array elems, Array freqs) throws SQLException {
			Map<String, Double> frequencies = new HashMap<>();
			double rarest = 0;
			if (elems != null && freqs != null) {
				String[] lexemes = (String[]) elems.getArray();
				Object[] values = (Object[]) freqs.getArray();
				for (int i = 0; i < lexemes.length && i < values.length; i++) {
					frequencies.put(lexemes[i], ((Number) values[i]).doubleValue());
				}
				// after the frequencies: the smallest, the largest, and the frequency of nulls
				if (values.length >= lexemes.length + 1) {
					rarest = ((Number) values[lexemes.length]).doubleValue();
				}
			}
			return new Column(rows, frequencies, rarest, System.nanoTime());
		}

		/** Share of rows holding a lexeme; one not listed is taken as half the rarest listed one. */
		double frequency(String lexeme) {
			return frequencies.getOrDefault(lexeme, rarest / 2);
		}

		/** Share of rows matching any alternative of a group (an alternative of several lexemes needs all). */
		double frequency(List<PostgresSearchBackend.Word> group) {
			double sum = 0;
			for (PostgresSearchBackend.Word word : group) {
				sum += word.lexemes().stream().mapToDouble(this::frequency).min().orElse(0);
			}
			return Math.min(1, sum);
		}

		/**
		 * The smallest k for which the rows expected to hold at least k of the groups (independent words: a
		 * Poisson-binomial tail) stay within {@code pool}; at most the number of groups.
		 */
		int smallestSelectiveK(List<List<PostgresSearchBackend.Word>> groups, int pool) {
			if (rows <= 0 || frequencies.isEmpty() || groups.isEmpty()) {
				return 1;
			}
			int n = groups.size();
			double[] exactly = new double[n + 1];
			exactly[0] = 1;
			for (int g = 0; g < n; g++) {
				double p = frequency(groups.get(g));
				for (int c = g + 1; c >= 1; c--) {
					exactly[c] = exactly[c] * (1 - p) + exactly[c - 1] * p;
				}
				exactly[0] *= 1 - p;
			}
			double atLeast = 0;
			int k = n;
			for (int c = n; c >= 1; c--) {
				atLeast += exactly[c];
				if (rows * atLeast > pool) {
					break;
				}
				k = c;
			}
			return k;
		}
	}
}
