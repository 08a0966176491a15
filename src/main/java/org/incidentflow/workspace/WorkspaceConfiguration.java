package org.incidentflow.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the form extensions on the two engine APIs Tasklist and other clients call. */
@Configuration(proxyBeanMethods = false)
public class WorkspaceConfiguration {

	/** After Spring Security and the engine API checks: an unauthenticated or refused call is answered untouched. */
	@Bean
	FilterRegistrationBean<TaskFormSummary> taskFormSummary(TaskService taskService, RuntimeService runtimeService,
			IdentityService identityService, IncidentBrief brief, ObjectMapper json) {
		FilterRegistrationBean<TaskFormSummary> registration = new FilterRegistrationBean<>(
				new TaskFormSummary(taskService, runtimeService, identityService, brief, json));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(-30);
		return registration;
	}

	/** Same place in the chain as the summary: the caller list goes only into answers Camunda gave. */
	@Bean
	FilterRegistrationBean<StartFormCallers> startFormCallers(IdentityService identityService, ObjectMapper json) {
		FilterRegistrationBean<StartFormCallers> registration = new FilterRegistrationBean<>(
				new StartFormCallers(identityService, json));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(-30);
		return registration;
	}

}
