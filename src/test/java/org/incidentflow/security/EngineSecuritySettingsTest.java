package org.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EngineSecuritySettingsTest extends WebTestSupport {

	@Autowired
	ProcessEngine engine;

	@Test
	void engineRunsWithTheSecuritySettings() {
		var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
		assertThat(configuration.getAdminGroups()).contains("camunda-admin");
	}

}
