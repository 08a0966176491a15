package org.incidentflow.incident.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.web.EnumCode;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new incident as the API receives it. Limits are the column lengths of the record. */
@Schema(name = "NewIncident", description = "An incident to report")
public record ReportIncidentRequest(
		@Schema(description = "Short summary", example = "VPN drops every few minutes")
		@NotBlank @Size(max = Incident.TITLE_MAX) String title,

		@Schema(description = "Symptoms, what was tried, since when", example = "Since this morning, on Wi-Fi and cable")
		@Size(max = Incident.TEXT_MAX) String description,

		@Schema(description = "User id of the affected person; defaults to the authenticated user. Requesters can only report for themselves.", example = "rita")
		@Size(max = Incident.NAME_MAX) String caller,

		@Schema(description = "How it was reported; default portal", allowableValues = { "portal", "email", "phone", "chat", "monitoring" }, example = "portal")
		@EnumCode(Channel.class) String channel,

		@Schema(description = "Affected business service", example = "vpn")
		@Size(max = Incident.NAME_MAX) String service,

		@Schema(description = "Affected configuration item (server, application, device)", example = "vpn-gw-01")
		@Size(max = ReportIncidentRequest.CONFIGURATION_ITEM_MAX) String configurationItem,

		@Schema(allowableValues = { "service_degradation", "service_outage", "security", "hardware", "software" }, example = "service_degradation")
		@NotBlank @EnumCode(IncidentType.class) String type,

		@Schema(allowableValues = { "high", "medium", "low" }, example = "medium")
		@NotBlank @EnumCode(Level.class) String impact,

		@Schema(allowableValues = { "high", "medium", "low" }, example = "high")
		@NotBlank @EnumCode(Level.class) String urgency) {

	/** Length of {@code incident.configuration_item}. */
	public static final int CONFIGURATION_ITEM_MAX = 200;

}
