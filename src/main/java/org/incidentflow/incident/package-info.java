/**
 * The incident record: the {@link org.incidentflow.incident.Incident} entity and its comments, activity trail and
 * access rules (requesters see their own, restricted incidents only their groups), how an incident is reported
 * ({@link org.incidentflow.incident.IncidentReporting}, the path every channel takes), and the contract with the
 * lifecycle model ({@link org.incidentflow.incident.IncidentProcess}: key, task ids, message and variable names).
 */
package org.incidentflow.incident;
