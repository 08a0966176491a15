package org.incidentflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;

/** The node name becomes the engine's host name and the job executor's lock owner; without one, Camunda's defaults. */
class NodeNamePluginTest {

	@Test
	void theNodeNameNamesTheJobLocksAndTheHost() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		NodeNamePlugin plugin = new NodeNamePlugin(" node-2 ");
		plugin.preInit(configuration);
		configuration.setJobExecutor(new DefaultJobExecutor());
		plugin.postInit(configuration);

		assertThat(configuration.getHostname()).isEqualTo("node-2");
		assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo("node-2");
	}

	@Test
	void withoutANameCamundasDefaultsStay() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
		String defaultLockOwner = jobExecutor.getLockOwner();
		NodeNamePlugin plugin = new NodeNamePlugin("");
		plugin.preInit(configuration);
		configuration.setJobExecutor(jobExecutor);
		plugin.postInit(configuration);

		assertThat(configuration.getHostname()).isNull();
		assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(defaultLockOwner);
	}

}
