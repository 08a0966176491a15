/**
 * Reporting: the figures service desks are judged by (volume, backlog, MTTA, MTTR, SLA compliance, first contact
 * resolution, reopen rate, satisfaction, knowledge use, major incidents, recurring services and configuration items),
 * computed for a period from the product's own records ({@code incident}, {@code incident_activity},
 * {@code sla_pause}), never from Camunda history, which is cleaned up. Every figure is defined once, in
 * {@link org.incidentflow.reporting.Figures}, and described in {@code docs/reports.md}; the database counts them
 * ({@link org.incidentflow.reporting.ReportReader}, aggregate queries tested against those rules). {@code reporting.api} serves
 * them as JSON, {@code reporting.page} as the {@code /reports} page with charts and CSV downloads.
 */
package org.incidentflow.reporting;
