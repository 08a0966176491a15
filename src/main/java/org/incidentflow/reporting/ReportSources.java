package org.incidentflow.reporting;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Which records of other features exist in this database, so that their figures are computed only where the data is
 * real and reported as not available otherwise (never a made-up zero). Each feature is recognised by the columns or
 * tables its figures read; the names are the contract with those features (docs/reports.md, "Figures of other
 * features"). Checked once: the schema only changes at start-up (Flyway), the same on every node.
 */
@Component
public class ReportSources {

	/** The portal's satisfaction survey: the caller's rating 1–5 stored on the incident. */
	static final String CSAT_SCORE_COLUMN = "csat_score";
	/** The major-incident feature: the flag on the parent record (children link by {@code parent_id}). */
	static final String MAJOR_COLUMN = "major";
	/** The knowledge feature: known errors or articles; use is the activity entry {@code KNOWLEDGE_APPLIED}. */
	static final String[] KNOWLEDGE_TABLES = { "known_error", "knowledge_article" };
	public static final String KNOWLEDGE_APPLIED = "KNOWLEDGE_APPLIED";

	/** What exists; immutable. */
	public record Available(boolean satisfaction, boolean knowledge, boolean majorIncidents) {
	}

	private final DataSource dataSource;
	private volatile Available available;

	public ReportSources(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public Available available() {
		Available known = available;
		if (known == null) {
			known = inspect();
			available = known;
		}
		return known;
	}

	private Available inspect() {
		java.sql.Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			boolean knowledge = false;
			for (String table : KNOWLEDGE_TABLES) {
				knowledge |= tableExists(metaData, table);
			}
			return new Available(columnExists(metaData, "incident", CSAT_SCORE_COLUMN), knowledge,
					columnExists(metaData, "incident", MAJOR_COLUMN));
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot read the database schema", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
	private static boolean columnExists(DatabaseMetaData metaData, String table, String column) throws SQLException {
		for (String[] names : new String[][] { { table, column },
				{ table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT) } }) {
			try (ResultSet columns = metaData.getColumns(null, null, names[0], names[1])) {
				if (columns.next()) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean tableExists(DatabaseMetaData metaData, String table) throws SQLException {
		for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = metaData.getTables(null, null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
