package org.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The job executor that the starter builds from application.yaml (the test profile switches it off, so the Spring
 * tests never see it): the keys under {@code camunda.bpm.job-execution} bind (a misspelt key would silently leave
 * Camunda's default, e.g. the 60 s idle back-off), and the settings keep the promise of README "Job executor": a due
 * timer is picked up at most 5 s after its due date, one acquisition fits into the queue.
 */
class JobExecutorSettingsTest {

	@Test
	void idleBackOffIsCappedSoTimersFireAtMostFiveSecondsLate() throws IOException {
		JobExecutor jobExecutor = jobExecutorFromApplicationYaml();

		assertThat(jobExecutor.getMaxWait()).isPositive().isLessThanOrEqualTo(5_000);
		assertThat((long) jobExecutor.getWaitTimeInMillis()).isPositive().isLessThanOrEqualTo(jobExecutor.getMaxWait());
	}

	@Test
	void oneAcquisitionFitsIntoTheQueueAndThreadsAreSizedForTheCores() throws IOException {
		JobExecutionProperty properties = jobExecution();
		ThreadPoolTaskExecutor pool = (ThreadPoolTaskExecutor) JobConfiguration.camundaTaskExecutor(camunda(properties));

		assertThat(properties.getMaxJobsPerAcquisition()).isGreaterThan(3).isLessThanOrEqualTo(properties.getQueueCapacity());
		assertThat(pool.getCorePoolSize()).isEqualTo(properties.getMaxPoolSize()).isEqualTo(3);
		assertThat(pool.getQueueCapacity()).isEqualTo(properties.getQueueCapacity());
		assertThat(jobExecutorFromApplicationYaml().getMaxJobsPerAcquisition())
			.isEqualTo(properties.getMaxJobsPerAcquisition());
	}

	private static JobExecutor jobExecutorFromApplicationYaml() throws IOException {
		CamundaBpmProperties camunda = camunda(jobExecution());
		return JobConfiguration.jobExecutor(JobConfiguration.camundaTaskExecutor(camunda), camunda);
	}

	private static CamundaBpmProperties camunda(JobExecutionProperty jobExecution) {
		CamundaBpmProperties camunda = new CamundaBpmProperties();
		camunda.setJobExecution(jobExecution);
		return camunda;
	}

	/** The default document of application.yaml (no profile), as Spring Boot binds it. */
	private static JobExecutionProperty jobExecution() throws IOException {
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application.yaml",
				new ClassPathResource("application.yaml"));
		return new Binder(ConfigurationPropertySources.from(documents.get(0)))
			.bind("camunda.bpm.job-execution", JobExecutionProperty.class)
			.orElseThrow(() -> new AssertionError("no camunda.bpm.job-execution in application.yaml"));
	}

}
