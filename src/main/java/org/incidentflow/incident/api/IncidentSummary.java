package org.incidentflow.incident.api;

import java.time.Instant;
import java.util.Locale;

import org.incidentflow.incident.Incident;

import io.swagger.v3.oas.annotations.media.Schema;

/** An incident in a list. */
@Schema(name = "IncidentSummary")
public record IncidentSummary(
		@Schema(example = "INC-000042") String number,
		String title,
		@Schema(allowableValues = { "new", "in_progress", "on_hold", "resolved", "closed", "canceled" }) String state,
		@Schema(description = "1 (critical) to 5 (planning); absent until triage computed it") Integer priority,
		@Schema(allowableValues = { "high", "medium", "low" }) String impact,
		@Schema(allowableValues = { "high", "medium", "low" }) String urgency,
		@Schema(allowableValues = { "service_degradation", "service_outage", "security", "hardware", "software" }) String type,
		@Schema(allowableValues = { "portal", "email", "phone", "chat", "monitoring" }) String channel,
		String caller,
		String service,
		String configurationItem,
		String assignmentGroup,
		String assignee,
		Instant reportedAt,
		Instant updatedAt,
		Instant responseDueAt,
		Instant resolutionDueAt) {

	static IncidentSummary of(Incident incident) {
		return new IncidentSummary(incident.getNumber(), incident.getTitle(), code(incident.getState()),
				incident.getPriority(), code(incident.getImpact()), code(incident.getUrgency()),
				code(incident.getType()), code(incident.getChannel()), incident.getCaller(), incident.getService(),
				incident.getConfigurationItem(), incident.getAssignmentGroup(), incident.getAssignee(),
				incident.getReportedAt(), incident.getUpdatedAt(), incident.getResponseDueAt(),
				incident.getResolutionDueAt());
	}

	/** Codes are lower case in every response. */
	static String code(Enum<?> value) {
		return value == null ? null : value.name().toLowerCase(Locale.ROOT);
	}

}
