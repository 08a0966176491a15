/**
 * Restricted incidents (type {@code security}): only security operations, incident managers and administrators see
 * them, through every door of the product. {@code /api} applies the rule to the record
 * ({@link org.incidentflow.incident.IncidentAccess}); this package applies it to the engine, where Tasklist, Cockpit
 * and {@code /engine-rest} read tasks, variables and history.
 * <p>
 * How: ordinary incidents are opened to the agent groups by permissions on the process definition (no authorization
 * row per task); a restricted incident's process instance lives in the Camunda tenant {@code restricted}, of which
 * only the cleared groups are members. The engine's tenant check then hides the instance, its tasks, variables,
 * history and decisions from everyone else, in queries and in single look-ups alike. An incident reclassified into or
 * out of {@code security} moves in or out of the tenant in the same transaction.
 */
package org.incidentflow.restricted;
