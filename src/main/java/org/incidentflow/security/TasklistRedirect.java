package org.incidentflow.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /} leads to Tasklist, where agents and requesters work (Camunda's own index redirect, switched off in
 * application.yaml, would lead to the welcome page).
 */
@Configuration
public class TasklistRedirect implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/camunda/app/tasklist/");
	}

}
