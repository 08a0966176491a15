package org.incidentflow.incident;

/**
 * Something people must be told about an incident, published as a Spring application event inside the transaction
 * that caused it. Mail is queued in that same transaction (org.incidentflow.outbound.mail.NotificationOutbox) and sent
 * later, so nothing is sent for a rolled-back change and nothing is lost for a committed one.
 *
 * @param audience a user id ({@link Audience#USER}) or a group id ({@link Audience#GROUP})
 */
public record IncidentNotice(String incidentNumber, Kind kind, Audience audienceType, String audience, String detail) {

	/** {@code WEBHOOK_DISABLED}: for administrators, a webhook subscription was disabled while telling of the incident. */
	public enum Kind { RECEIVED, ASSIGNED, SLA_WARNING, SLA_BREACHED, ESCALATED, RESOLVED, CALLER_UPDATED, CLOSED, CANCELED, WEBHOOK_DISABLED,
		/** The problem behind the incident is resolved (org.incidentflow.problem): work on it resumes. */
		PROBLEM_FIXED,
		/** The incident joined a known major incident (org.incidentflow.major): work happens on the parent. */
		MAJOR_LINKED,
		/** A status update of the major incident the incident is linked to, for its caller or a stakeholder group. */
		MAJOR_STATUS_UPDATE,
		/** For incident managers: a status update of a major incident was not published in time. */
		MAJOR_UPDATE_MISSED }

	public enum Audience { USER, GROUP }

}
