/**
 * The field-level audit trail of incidents: a Hibernate listener records every changed field (who, when, old, new) on
 * the same connection as the change, so the trail commits and rolls back with it.
 */
package org.incidentflow.incident.audit;
