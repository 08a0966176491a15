package org.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The running engine acquires timers first and by due date (generic properties in application.yaml), and the index
 * that this acquisition order needs exists on the engine's job table, on H2 and on PostgreSQL.
 */
class JobAcquisitionSettingsTest extends WebTestSupport {

	@Autowired
	DataSource dataSource;
	@Autowired
	JobAcquisitionIndexPlugin plugin;
	@Autowired
	ProcessEngine engine;
	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Test
	void engineAcquiresTimerJobsFirstAndByDueDate() {
		assertThat(configuration.isJobExecutorPreferTimerJobs()).isTrue();
		assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
		// priorities would put PRIORITY_ in front of the order and leave the index unused
		assertThat(configuration.isJobExecutorAcquireByPriority()).isFalse();
	}

	@Test
	void jobTableHasTheAcquisitionIndexOnTypeThenDueDate() throws SQLException {
		assertThat(acquisitionIndexColumns()).containsExactly("type_", "duedate_");
	}

	@Test
	void creatingTheIndexAgainIsHarmless() throws SQLException {
		plugin.postProcessEngineBuild(engine);

		assertThat(acquisitionIndexColumns()).containsExactly("type_", "duedate_");
	}

	/** Columns of the index in their position order. */
	private java.util.Collection<String> acquisitionIndexColumns() throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String table : new String[] { "act_ru_job", "ACT_RU_JOB" }) {
				try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
					while (indexes.next()) {
						if (JobAcquisitionIndexPlugin.INDEX_NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
							columns.put((int) indexes.getShort("ORDINAL_POSITION"),
									indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
						}
					}
				}
			}
		}
		return columns.values();
	}

}
