package org.incidentflow.reporting;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Narrows a report to the incidents with the given values (all must match; case-insensitive), e.g. one service
 * or one assignment group: the figures, the backlog and the breakdowns then cover only those incidents.
 */
public record ReportFilter(Map<Dimension, String> values) {

	public static final ReportFilter NONE = new ReportFilter(Map.of());

	public ReportFilter {
		values = Collections.unmodifiableMap(values.isEmpty() ? Map.of() : new EnumMap<>(values));
	}

	public boolean matches(IncidentFacts facts) {
		return values.entrySet().stream().allMatch(e -> {
			String value = e.getKey().valueOf(facts);
			return value != null && value.equalsIgnoreCase(e.getValue());
		});
	}

	public boolean isEmpty() {
		return values.isEmpty();
	}

	/** The filter as query parameters ({@code &service=VPN}), for links that keep it. */
	public String query() {
		StringBuilder query = new StringBuilder();
		values.forEach((dimension, value) -> query.append('&').append(dimension.code()).append('=')
			.append(java.net.URLEncoder.encode(Objects.toString(value, ""), java.nio.charset.StandardCharsets.UTF_8)));
		return query.toString();
	}

}
