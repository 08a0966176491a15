package org.incidentflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * An index Camunda's schema lacks, created after the engine created or checked its tables (so it cannot be a Flyway
 * migration: Flyway runs before the engine). {@code CREATE INDEX IF NOT EXISTS} works on H2 and PostgreSQL, so every
 * node may run it at every start.
 */
public final class EngineIndex {

	private EngineIndex() {
	}

	/** @param tableAndColumns e.g. {@code ACT_RU_TASK (PARENT_TASK_ID_)}, without the engine's table prefix */
	public static void create(ProcessEngine engine, String name, String tableAndColumns) {
		ProcessEngineConfigurationImpl configuration =
				(ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
		String sql = "CREATE INDEX IF NOT EXISTS " + name + " ON " + prefix + tableAndColumns;
		try (Connection connection = configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException e) {
			throw new ProcessEngineException("Could not create index " + name + ": " + e.getMessage(), e);
		}
	}

}
