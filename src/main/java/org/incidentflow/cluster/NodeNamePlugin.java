package org.incidentflow.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in the engine ({@code incidentflow.node-name}, {@code NODE_NAME}): the job executor locks jobs
 * under that name ({@code ACT_RU_JOB.LOCK_OWNER_}) and the engine reports it as its host name
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}, metrics). Operators then see which node holds or ran a job, for instance the
 * jobs a crashed node still holds until their lock expires. Camunda's defaults (a random lock owner per start, the IP
 * address as host name) cannot tell two nodes on one machine apart. The name must be unique in the cluster: two
 * job executors with one lock owner would take each other's locked jobs for their own.
 */
@Component
public class NodeNamePlugin extends AbstractProcessEnginePlugin {

	private final String nodeName;

	public NodeNamePlugin(@Value("${incidentflow.node-name:}") String nodeName) {
		this.nodeName = nodeName == null ? "" : nodeName.trim();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (!nodeName.isEmpty()) {
			configuration.setHostname(nodeName);
		}
	}

	/** After the starter has put its job executor on the configuration, before the executor starts. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		JobExecutor jobExecutor = configuration.getJobExecutor();
		if (!nodeName.isEmpty() && jobExecutor != null) {
			jobExecutor.setLockOwner(nodeName);
		}
	}

	public String nodeName() {
		return nodeName;
	}

}
