package org.incidentflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Incident Flow: ITIL incident management whose lifecycle is a BPMN model and whose rules are DMN tables.
 * The process application deploys the top-level {@code processes/} and {@code forms/} folders
 * (see {@code META-INF/processes.xml}).
 */
@SpringBootApplication
@EnableProcessApplication("incident-flow")
public class IncidentFlowApplication {

	public static void main(String[] args) {
		SpringApplication.run(IncidentFlowApplication.class, args);
	}

}
