package org.incidentflow.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The coverage plugin ({@link ProcessCoverageTestConfiguration}) puts its parse listener into the one engine that all
 * Spring test classes share, but the library's {@link ProcessEngineCoverageTestExecutionListener} gives it a collector
 * only for the measured classes: processes run by any other class would fail with "Coverage state must be
 * initialized" (or land in the last measured run). Before every test class this listener gives the parse listener a
 * collector that discards the events; it runs before the library's listener, which then installs the real collector
 * for the measured classes, so their gate stays as strict as before. Registered in META-INF/spring.factories.
 */
public class CoverageOffTestExecutionListener implements TestExecutionListener, Ordered {

	static final Collector DISCARD = event -> {
	};

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		if (testContext.getApplicationContext().getBeanNamesForType(ProcessEngine.class).length == 0) {
			return;
		}
		ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
		new ProcessEngineAdapter(engine, DISCARD).initializeListeners();
	}

}
