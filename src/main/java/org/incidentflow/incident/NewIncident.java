package org.incidentflow.incident;

/**
 * What was reported, by any channel. {@code configurationItem} and {@code description} may be null.
 * Intake channels validate their own input before building one of these.
 */
public record NewIncident(String title, String description, String caller, Channel channel, String service,
		String configurationItem, IncidentType type, Level impact, Level urgency, String reportedBy) {

	/** Reported by the caller: a requester for herself, an alert or a mail in the sender's name. */
	public NewIncident(String title, String description, String caller, Channel channel, String service,
			String configurationItem, IncidentType type, Level impact, Level urgency) {
		this(title, description, caller, channel, service, configurationItem, type, impact, urgency, caller);
	}

	/** The same report made by someone else: a colleague, an agent on the phone. */
	public NewIncident reportedBy(String userId) {
		return new NewIncident(title, description, caller, channel, service, configurationItem, type, impact, urgency,
				userId == null || userId.isBlank() ? caller : userId);
	}

}
