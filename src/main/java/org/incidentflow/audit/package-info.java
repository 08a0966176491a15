/**
 * Field-level audit trails of records (incidents, problems): a Hibernate listener writes one row per changed field
 * (who, when, old, new) on the same connection as the change, so a trail commits and rolls back with it. Each audited
 * record type contributes an {@link org.incidentflow.audit.AuditTrail} bean naming its activity table.
 */
package org.incidentflow.audit;
