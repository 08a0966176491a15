package org.incidentflow.process;

import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Process test coverage for the Spring test context. Picked up by the application's component scan in every
 * {@code @SpringBootTest}, so all Spring tests keep sharing one cached context; only the classes matched below are
 * measured, and each of them fails when it covers less than 95 % of the flow nodes and sequence flows of the models
 * it ran. Reports: target/process-test-coverage.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessCoverageTestConfiguration {

	public static final double MINIMUM_COVERAGE = 0.95;

	/**
	 * The coverage plugin of the library's own configuration. Not imported as a whole: its default properties bean
	 * (@ConditionalOnMissingBean) would be registered next to ours and the listener would silently fall back to no
	 * threshold.
	 */
	@Bean
	AbstractCamundaConfiguration processEngineCoveragePlugin() {
		return new ProcessEngineCoverageConfiguration().camundaConfiguration();
	}

	@Bean
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder()
			.assertClassCoverageAtLeast(MINIMUM_COVERAGE)
			.addInclusionPatternForTestClasses("*IncidentProcessTest")
			.build();
	}

}
