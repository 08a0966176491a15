package org.incidentflow.incident;

/**
 * Something people must be told about an incident, published as a Spring application event inside the transaction
 * that caused it. Notification channels (mail, chat) listen after commit, so nothing is sent for a rolled-back change.
 *
 * @param audience a user id ({@link Audience#USER}) or a group id ({@link Audience#GROUP})
 */
public record IncidentNotice(String incidentNumber, Kind kind, Audience audienceType, String audience, String detail) {

	public enum Kind { RECEIVED, ASSIGNED, SLA_WARNING, SLA_BREACHED, ESCALATED, RESOLVED, CALLER_UPDATED, CLOSED, CANCELED }

	public enum Audience { USER, GROUP }

}
