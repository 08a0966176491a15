package org.incidentflow.reporting;

import java.time.Duration;
import java.time.Instant;

/**
 * What the figures read about one incident, as loaded by {@link ReportReader}: its dimensions (current values) and
 * the moments of its lifecycle. Columns of features that are not installed are {@code null}.
 *
 * @param state            lower-case state code ({@code in_progress}, ...)
 * @param pausedMillis     total time on hold (the sum of the incident's {@code sla_pause} intervals)
 * @param escalated        functionally escalated at least once ({@code ESCALATED}, the record's escalation chain)
 * @param reassigned       its assignment group was changed after the first one was set (audit of
 *                         {@code assignmentGroup}); only known for incidents resolved in the period
 * @param canceledAt       when it was canceled ({@code CANCELED} activity), only when that lies in the period
 * @param knowledgeApplied a known error or article was applied ({@code KNOWLEDGE_APPLIED}), {@code null} without the
 *                         knowledge feature; only known for incidents resolved in the period
 * @param csatScore        the caller's satisfaction rating 1–5, {@code null} when not rated or without surveys
 * @param major            flagged as a major incident, {@code null} without the major-incident feature
 */
public record IncidentFacts(long id, Integer priority, String service, String configurationItem, String category,
		String assignmentGroup, String channel, String state, Instant reportedAt, Instant firstResponseAt,
		Instant resolvedAt, Instant closedAt, Instant responseDueAt, Instant resolutionDueAt, long pausedMillis,
		boolean responseBreached, boolean resolutionBreached, int reopenCount, boolean escalated, Long parentId,
		boolean reassigned, Instant canceledAt, Boolean knowledgeApplied, Integer csatScore, Boolean major) {

	/** Open work: new, in progress or on hold (resolved incidents wait only for the caller's confirmation). */
	public boolean inBacklog() {
		return "new".equals(state) || "in_progress".equals(state) || "on_hold".equals(state);
	}

	/** Reported to first response, or {@code null} before the first response. */
	public Duration timeToRespond() {
		return firstResponseAt == null ? null : Duration.between(reportedAt, firstResponseAt);
	}

	/** Reported to (last) resolution, wall-clock; {@code null} while unresolved. */
	public Duration timeToResolve() {
		return resolvedAt == null ? null : Duration.between(reportedAt, resolvedAt);
	}

	/** {@link #timeToResolve()} without the time on hold. */
	public Duration timeToResolveExcludingHold() {
		Duration total = timeToResolve();
		return total == null ? null : total.minusMillis(pausedMillis);
	}

	/**
	 * The response target was missed: flagged by the SLA timer, or the first response came after the due date (a
	 * response in the seconds before a late timer fired).
	 */
	public boolean responseTargetMissed(Instant now) {
		if (responseBreached) {
			return true;
		}
		if (responseDueAt == null) {
			return false;
		}
		return firstResponseAt == null ? responseDueAt.isBefore(now) && inBacklog()
				: firstResponseAt.isAfter(responseDueAt);
	}

	/**
	 * The resolution target was missed: flagged by the SLA timer, or resolved after the due date, or still open past
	 * it while the clock runs (on hold the due date moves when work resumes).
	 */
	public boolean resolutionTargetMissed(Instant now) {
		if (resolutionBreached) {
			return true;
		}
		if (resolutionDueAt == null) {
			return false;
		}
		return resolvedAt == null ? inBacklog() && !"on_hold".equals(state) && resolutionDueAt.isBefore(now)
				: resolvedAt.isAfter(resolutionDueAt);
	}

}
