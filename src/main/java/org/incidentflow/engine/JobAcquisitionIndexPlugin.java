package org.incidentflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
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

	public static final String INDEX_NAME = "incidentflow_job_acquisition_idx";

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		EngineIndex.create(processEngine, INDEX_NAME, "ACT_RU_JOB (TYPE_ DESC, DUEDATE_ ASC)");
	}

}
