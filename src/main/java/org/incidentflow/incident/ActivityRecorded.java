package org.incidentflow.incident;

/**
 * Published (in the transaction that writes it) for every lifecycle event of the activity log, so other features can
 * count or react without reading the table; field changes are not published. The incident is the managed record of
 * that transaction: read it after commit to see its final state.
 */
public record ActivityRecorded(Incident incident, String event, String detail) {
}
