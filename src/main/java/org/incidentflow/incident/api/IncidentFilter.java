package org.incidentflow.incident.api;

import java.util.List;

/**
 * The query parameters of {@code GET /api/incidents}, as received (validated by {@link IncidentSearch}).
 * {@code state}, {@code priority} and {@code type} take one value or several separated by commas.
 */
public record IncidentFilter(String state, String priority, String group, String assignee, String caller,
		String service, String configurationItem, String type, String q, Integer page, Integer size, List<String> sort) {
}
