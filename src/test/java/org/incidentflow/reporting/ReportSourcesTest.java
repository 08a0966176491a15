package org.incidentflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * How the reports recognise the features they have figures for, on throw-away H2 databases: by name, type and
 * schema, so that a feature that arrives later under other names or types leaves its figures "not available".
 */
class ReportSourcesTest {

	@Test
	void nothingInstalledMeansNothingAvailable() throws Exception {
		JdbcDataSource db = database("none", "create table incident (id bigint primary key, state varchar(20))");
		ReportSources sources = new ReportSources(db);
		assertThat(sources.available()).isEqualTo(new ReportSources.Available(false, false, false));
		assertThat(sources.postgres()).isFalse();
	}

	@Test
	void featuresWithTheContractsNamesAndTypesAreAvailable() throws Exception {
		JdbcDataSource db = database("all", "create table incident (id bigint primary key, csat_score smallint,"
				+ " major boolean)", "create table knowledge_article (id bigint primary key)");
		assertThat(new ReportSources(db).available()).isEqualTo(new ReportSources.Available(true, true, true));
	}

	@Test
	void sameNamesWithOtherTypesOrInAnotherSchemaAreNotTheFeature() throws Exception {
		JdbcDataSource db = database("other", "create table incident (id bigint primary key, csat_score varchar(10),"
				+ " major varchar(5))", "create schema archive",
				"create table archive.known_error (id bigint primary key)",
				"create table archive.incident (id bigint primary key, csat_score integer, major boolean)");
		assertThat(new ReportSources(db).available()).isEqualTo(new ReportSources.Available(false, false, false));
	}

	@Test
	void theSchemaIsReadOnce() throws Exception {
		JdbcDataSource db = database("once", "create table incident (id bigint primary key)");
		ReportSources sources = new ReportSources(db);
		assertThat(sources.available().majorIncidents()).isFalse();
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("alter table incident add column major boolean");
		}
		// migrations run at start-up: the answer of the first report holds until the next start
		assertThat(sources.available().majorIncidents()).isFalse();
		assertThat(new ReportSources(db).available().majorIncidents()).isTrue();
	}

	static JdbcDataSource database(String name, String... statements) throws Exception {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:report-sources-" + name + ";DB_CLOSE_DELAY=-1");
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		return db;
	}

}
