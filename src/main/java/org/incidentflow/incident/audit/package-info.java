/**
 * The field-level audit trail of incidents: every changed field (who, when, old, new) is written to
 * {@code incident_activity} by the shared listener of {@link org.incidentflow.audit}, on the same connection as the
 * change, so the trail commits and rolls back with it.
 */
package org.incidentflow.incident.audit;
