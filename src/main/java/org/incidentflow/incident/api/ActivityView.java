package org.incidentflow.incident.api;

import java.time.Instant;

import org.incidentflow.incident.ActivityEntry;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Activity", description = "One line of the incident's audit trail")
public record ActivityView(
		Instant at,
		@Schema(description = "User id, or system") String actor,
		@Schema(description = "REPORTED, FIELD_CHANGED, STATE_CHANGED, COMMENT_ADDED, WORK_NOTE_ADDED, ESCALATED, SLA_WARNING, ...") String event,
		@Schema(description = "Changed field (FIELD_CHANGED, STATE_CHANGED)") String field,
		String oldValue,
		String newValue,
		String detail) {

	static ActivityView of(ActivityEntry entry) {
		return new ActivityView(entry.getAt(), entry.getActor(), entry.getEvent(), entry.getField(),
				entry.getOldValue(), entry.getNewValue(), entry.getDetail());
	}

}
