package org.incidentflow.reporting;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Which records of other features exist in this database, so that their figures are computed only where the data is
 * real and reported as not available otherwise (never a made-up zero). Each feature is recognised by the columns or
 * tables its figures read; the names are the contract with those features (docs/reports.md, "Figures of other
 * features"). A column counts only with the type the figures read (a number for the rating, a boolean for the flag),
 * and only in the schema the product's own tables are in: a feature that arrives later under other names or types
 * leaves its figures "not available" instead of breaking the reports. Checked once per node, at the first report: the
 * schema only changes at start-up (Flyway), the same on every node, and a metadata query per request would cost more
 * than the report.
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
	private volatile Boolean postgres;

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

	/** The database is PostgreSQL (else H2): the few expressions whose spelling differs (ReportReader). */
	public boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			inspect();
			known = postgres;
		}
		return known;
	}

	private Available inspect() {
		java.sql.Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			postgres = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			String schema = connection.getSchema();
			boolean knowledge = false;
			for (String table : KNOWLEDGE_TABLES) {
				knowledge |= tableExists(metaData, schema, table);
			}
			Available found = new Available(
					columnExists(metaData, schema, "incident", CSAT_SCORE_COLUMN, ReportSources::wholeNumber), knowledge,
					columnExists(metaData, schema, "incident", MAJOR_COLUMN, ReportSources::flag));
			available = found;
			return found;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot read the database schema", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static boolean wholeNumber(int sqlType) {
		return sqlType == Types.SMALLINT || sqlType == Types.INTEGER || sqlType == Types.BIGINT
				|| sqlType == Types.TINYINT;
	}

	private static boolean flag(int sqlType) {
		return sqlType == Types.BOOLEAN || sqlType == Types.BIT;
	}

	/**
	 * The column exists in the schema and has the type the figures read. H2 keeps unquoted names in upper case,
	 * PostgreSQL in lower case.
	 */
	private static boolean columnExists(DatabaseMetaData metaData, String schema, String table, String column,
			java.util.function.IntPredicate type) throws SQLException {
		for (String[] names : new String[][] { { table, column },
				{ table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT) } }) {
			try (ResultSet columns = metaData.getColumns(null, schema, names[0], names[1])) {
				if (columns.next()) {
					return type.test(columns.getInt("DATA_TYPE"));
				}
			}
		}
		return false;
	}

	private static boolean tableExists(DatabaseMetaData metaData, String schema, String table) throws SQLException {
		for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = metaData.getTables(null, schema, name, new String[] { "TABLE", "VIEW", "BASE TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
