package org.incidentflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds the index the job executor's acquisition query needs once {@code jobExecutorPreferTimerJobs} and
 * {@code jobExecutorAcquireByDueDate} are on (application.yaml): that query then ends in
 * {@code ORDER BY TYPE_ DESC, DUEDATE_ ASC} with a small limit, and the 7.24 schema has no index to read it in that
 * order, so every acquisition on every node would sort all due jobs. With
 * {@code ACT_RU_JOB(TYPE_ DESC, DUEDATE_ ASC)} the database walks the index and stops after a page of due jobs.
 * <p>
 * Runs after the engine created or checked its tables, so it cannot be a Flyway migration (Flyway runs before the
 * engine). {@code CREATE INDEX IF NOT EXISTS} works on H2 and PostgreSQL; every node may run it at start-up.
 */
@Component
public class JobAcquisitionIndexPlugin extends AbstractProcessEnginePlugin {

	private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndexPlugin.class);

	public static final String INDEX_NAME = "incidentflow_job_acquisition_idx";

	private String tablePrefix;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.tablePrefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
		String sql = "CREATE INDEX IF NOT EXISTS " + INDEX_NAME + " ON " + tablePrefix
				+ "ACT_RU_JOB (TYPE_ DESC, DUEDATE_ ASC)";
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException e) {
			throw new ProcessEngineException("Could not create index " + INDEX_NAME + ": " + e.getMessage(), e);
		}
		LOG.debug("Index {} on ACT_RU_JOB(TYPE_ DESC, DUEDATE_ ASC) present", INDEX_NAME);
	}

}
