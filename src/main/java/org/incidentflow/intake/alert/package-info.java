/**
 * Alertmanager and Grafana webhooks: notifications read defensively, classified by the {@code alert-classification}
 * decision, grouped per alert group under a row lock so repeated and parallel deliveries open one incident, and
 * resolved alerts resolve their incident ({@code alert-resolution}).
 */
package org.incidentflow.intake.alert;
