package org.incidentflow.incident.api;

import static org.incidentflow.incident.api.IncidentSummary.code;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.incidentflow.incident.Incident;

import io.swagger.v3.oas.annotations.media.Schema;

/** One incident with its comments and audit trail, as the viewer may see it. */
@Schema(name = "Incident")
public record IncidentDetails(
		@Schema(example = "INC-000042") String number,
		@Schema(allowableValues = { "incident", "service_request" }) String kind,
		String title,
		String description,
		@Schema(allowableValues = { "new", "in_progress", "on_hold", "resolved", "closed", "canceled" }) String state,
		@Schema(allowableValues = { "awaiting_caller", "awaiting_change", "awaiting_problem", "awaiting_vendor" }) String onHoldReason,
		@Schema(description = "1 (critical) to 5 (planning)") Integer priority,
		@Schema(allowableValues = { "high", "medium", "low" }) String impact,
		@Schema(allowableValues = { "high", "medium", "low" }) String urgency,
		@Schema(allowableValues = { "service_degradation", "service_outage", "security", "hardware", "software" }) String type,
		String category,
		@Schema(allowableValues = { "portal", "email", "phone", "chat", "monitoring" }) String channel,
		String caller,
		@Schema(description = "Who reported it when not the caller (a colleague, an agent on the phone); absent for incidents reported before it was recorded") String reportedBy,
		String service,
		String configurationItem,
		String assignmentGroup,
		String assignee,
		@Schema(description = "Groups the incident was escalated through, oldest first (agents only)") List<String> escalationChain,
		Instant reportedAt,
		Instant firstResponseAt,
		Instant resolvedAt,
		Instant closedAt,
		Instant updatedAt,
		Instant responseDueAt,
		Instant resolutionDueAt,
		boolean responseBreached,
		boolean resolutionBreached,
		@Schema(description = "Set while on hold: the SLA clock is stopped since then") Instant pausedSince,
		@Schema(description = "Time spent on hold so far, excluded from the SLA, in milliseconds") long pausedMillis,
		String resolutionCode,
		String resolutionNotes,
		String workaround,
		String cause,
		String stepsTaken,
		String preventiveMeasures,
		Boolean problemRequired,
		@Schema(description = "The problem behind this incident (PRB-000001); while on hold awaiting_problem, the one it waits for; agents only") String problemNumber,
		@Schema(description = "Known error or article an agent applied (KE-000001, KB-000001); agents only") String appliedKnowledge,
		String cancelReason,
		int reopenCount,
		@Schema(description = "Number of the parent incident") String parent,
		@Schema(description = "Number of the incident this one duplicates") String duplicateOf,
		@Schema(description = "Number of the closed incident this one follows up") String followUpOf,
		@Schema(description = "Engine process instance (agents only)") String processInstanceId,
		@Schema(description = "Oldest first; internal work notes only for agents") List<CommentView> comments,
		@Schema(description = "Audit trail, oldest first; requesters see the public lifecycle only") List<ActivityView> activity,
		@Schema(description = "Whether configurationItem names a registered configuration item; false: kept as free text (agents only; null without a CI)") Boolean configurationItemRegistered,
		@Schema(description = "The registered configuration item with its recent incidents (agents only)") AssetView asset,
		@Schema(description = "The caller's satisfaction rating 1-5 (survey after resolution), absent until rated") Integer csatScore,
		@Schema(description = "The caller's comment with the rating") String csatComment,
		@Schema(description = "When the caller rated") Instant csatAt) {

	/** The incident's configuration item as the registry knows it. */
	@Schema(name = "IncidentAsset")
	public record AssetView(String id, String name, String type, String service, String ownerGroup,
			@Schema(description = "1 (most critical) to 4") int criticality,
			@Schema(allowableValues = { "in_use", "maintenance", "retired" }) String status,
			@Schema(description = "Incidents on this CI reported in the last 30 days that you may see, this one included") long incidentsLast30Days) {
	}

	static IncidentDetails of(Incident incident, boolean internals, List<CommentView> comments,
			List<ActivityView> activity) {
		return of(incident, internals, comments, activity, null, null);
	}

	static IncidentDetails of(Incident incident, boolean internals, List<CommentView> comments,
			List<ActivityView> activity, Boolean configurationItemRegistered, AssetView asset) {
		return new IncidentDetails(incident.getNumber(), code(incident.getKind()), incident.getTitle(),
				incident.getDescription(), code(incident.getState()), code(incident.getOnHoldReason()),
				incident.getPriority(), code(incident.getImpact()), code(incident.getUrgency()),
				code(incident.getType()), incident.getCategory(), code(incident.getChannel()), incident.getCaller(),
				incident.getReportedBy(), incident.getService(), incident.getConfigurationItem(), incident.getAssignmentGroup(),
				incident.getAssignee(), internals ? chain(incident.getEscalationChain()) : null,
				incident.getReportedAt(), incident.getFirstResponseAt(), incident.getResolvedAt(),
				incident.getClosedAt(), incident.getUpdatedAt(), incident.getResponseDueAt(),
				incident.getResolutionDueAt(), incident.isResponseBreached(), incident.isResolutionBreached(),
				incident.getPausedSince(), incident.getPausedMillis(), incident.getResolutionCode(),
				incident.getResolutionNotes(), incident.getWorkaround(), incident.getCause(),
				incident.getStepsTaken(), incident.getPreventiveMeasures(), incident.getProblemRequired(),
				internals ? incident.getProblemNumber() : null, internals ? incident.getAppliedKnowledge() : null,
				incident.getCancelReason(), incident.getReopenCount(), number(incident.getParent()),
				number(incident.getDuplicateOf()), number(incident.getFollowUpOf()),
				internals ? incident.getProcessInstanceId() : null, comments, activity, configurationItemRegistered,
				asset, incident.getCsatScore(), incident.getCsatComment(), incident.getCsatAt());
	}

	private static List<String> chain(String escalationChain) {
		return escalationChain == null || escalationChain.isBlank() ? null
				: Arrays.stream(escalationChain.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static String number(Incident linked) {
		return linked == null ? null : linked.getNumber();
	}

}
