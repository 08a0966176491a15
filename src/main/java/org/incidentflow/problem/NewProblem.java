package org.incidentflow.problem;

/** What a new problem starts with, whichever way it is raised. {@code ownerGroup} null means the problem managers. */
public record NewProblem(String title, String description, String service, String configurationItem,
		String ownerGroup) {
}
