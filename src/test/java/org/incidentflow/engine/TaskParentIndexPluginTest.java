package org.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TaskParentIndexPluginTest extends WebTestSupport {

	@Autowired
	DataSource dataSource;
	@Autowired
	TaskParentIndexPlugin plugin;
	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Test
	void taskTableHasAnIndexOnParentTaskId() throws SQLException {
		assertThat(indexedColumnsOfTaskTable()).contains("parent_task_id_");
	}

	@Test
	void creatingTheIndexAgainIsHarmless() throws SQLException {
		plugin.postProcessEngineBuild(engine);

		assertThat(indexedColumnsOfTaskTable()).contains("parent_task_id_");
	}

	private List<String> indexedColumnsOfTaskTable() throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String table : new String[] { "act_ru_task", "ACT_RU_TASK" }) {
				try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
					while (indexes.next()) {
						if (TaskParentIndexPlugin.INDEX_NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
							columns.add(indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
						}
					}
				}
			}
		}
		return columns;
	}

}
