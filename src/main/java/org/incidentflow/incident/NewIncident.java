package org.incidentflow.incident;

/**
 * What was reported, by any channel. {@code configurationItem} and {@code description} may be null.
 * Intake channels validate their own input before building one of these.
 */
public record NewIncident(String title, String description, String caller, Channel channel, String service,
		String configurationItem, IncidentType type, Level impact, Level urgency) {
}
