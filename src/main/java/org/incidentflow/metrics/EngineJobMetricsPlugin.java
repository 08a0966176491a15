package org.incidentflow.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's figures from the engine's own metrics, as Micrometer counters of this node: the engine counts
 * into its {@link MetricsRegistry} and flushes to {@code ACT_RU_METER_LOG} every 15 minutes (summed over all nodes);
 * Prometheus wants a monotonic counter per node at once. So the registry is replaced by one that also counts each
 * occurrence into Micrometer; the engine's own reporting is unchanged.
 */
@Component
public class EngineJobMetricsPlugin implements ProcessEnginePlugin {

	public static final String JOBS_ACQUISITION_ATTEMPTS = "incidentflow.jobs.acquisition.attempts";
	public static final String JOBS_ACQUIRED = "incidentflow.jobs.acquired";
	public static final String JOBS_NOT_LOCKED = "incidentflow.jobs.acquisition.failed";
	public static final String JOBS_REJECTED = "incidentflow.jobs.rejected";
	public static final String JOBS_EXECUTED = "incidentflow.jobs.executed";
	public static final String JOBS_FAILED = "incidentflow.jobs.failed";

	private final MeterRegistry registry;

	public EngineJobMetricsPlugin(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		Map<String, Counter> counters = Map.of(
				Metrics.JOB_ACQUISITION_ATTEMPT, counter(JOBS_ACQUISITION_ATTEMPTS,
						"Job acquisition cycles of this node's job executor"),
				Metrics.JOB_ACQUIRED_SUCCESS, counter(JOBS_ACQUIRED, "Jobs acquired and locked by this node"),
				Metrics.JOB_ACQUIRED_FAILURE, counter(JOBS_NOT_LOCKED,
						"Jobs acquired but locked by another node first (optimistic locking)"),
				Metrics.JOB_EXECUTION_REJECTED, counter(JOBS_REJECTED,
						"Jobs rejected by a full job executor queue"),
				Metrics.JOB_SUCCESSFUL, counter(JOBS_EXECUTED, "Jobs executed successfully"),
				Metrics.JOB_FAILED, counter(JOBS_FAILED, "Job executions that failed (each retry counts)"));
		configuration.setMetricsRegistry(new CountingMetricsRegistry(counters));
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).register(registry);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
	}

	/** The engine's registry, also counting the job figures into Micrometer. */
	static final class CountingMetricsRegistry extends MetricsRegistry {

		private final Map<String, Counter> counters;

		CountingMetricsRegistry(Map<String, Counter> counters) {
			this.counters = counters;
		}

		@Override
		protected void markOccurrence(Map<String, Meter> meters, String name, long times) {
			super.markOccurrence(meters, name, times);
			if (meters == dbMeters) {
				Counter counter = counters.get(name);
				if (counter != null) {
					counter.increment(times);
				}
			}
		}

	}

}
