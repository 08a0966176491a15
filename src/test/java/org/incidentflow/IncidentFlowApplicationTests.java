package org.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class IncidentFlowApplicationTests {

	@Autowired
	ProcessEngine engine;

	@Test
	void engineStartsWithAuthorizationEnabled() {
		assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
	}

}
