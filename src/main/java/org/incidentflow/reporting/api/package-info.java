/** The reports as JSON: {@code GET /api/reports/kpis} and {@code GET /api/reports/volume} (HTTP Basic, OpenAPI). */
package org.incidentflow.reporting.api;
