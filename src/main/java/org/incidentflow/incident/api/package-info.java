/**
 * The product API for incidents under {@code /api/incidents}: report, search, details with comments and activity,
 * comments, confirmation and cancellation. Everything goes through the process; access is decided by
 * {@link org.incidentflow.incident.IncidentAccess}.
 */
package org.incidentflow.incident.api;
