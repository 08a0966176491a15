/**
 * Incidents that arrive by themselves: monitoring alerts (Alertmanager, Grafana), mail and chat. Each channel
 * deduplicates its deliveries in the database and reports through {@link org.incidentflow.incident.IncidentReporting}.
 */
package org.incidentflow.intake;
