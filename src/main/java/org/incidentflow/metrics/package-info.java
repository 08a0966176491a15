/**
 * Operational metrics for Prometheus (Micrometer, {@code /actuator/prometheus}): counters of what the product did on
 * this node (incidents opened and resolved, SLA warnings and breaches, alerts, mail, notification outbox, engine
 * jobs), counted after commit, and gauges of what the database holds (open incidents, outbox backlog), read every
 * {@code incidentflow.metrics.gauge-refresh} and cached. Meter names and tags are defined once, in
 * {@link org.incidentflow.metrics.ProductMetrics}; tags have few values (never an incident number). docs/reports.md,
 * "Prometheus metrics", lists every series.
 */
package org.incidentflow.metrics;
