package org.incidentflow.intake.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A webhook notification of Prometheus Alertmanager (version "4") or Grafana alerting (version "1": the same shape
 * plus {@code orgId}, {@code title}, {@code state}, {@code message} and per-alert values and links).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertNotification(String version, String groupKey, Integer truncatedAlerts, String status,
		String receiver, Map<String, String> groupLabels, Map<String, String> commonLabels,
		Map<String, String> commonAnnotations, String externalURL, List<Alert> alerts,
		Long orgId, String title, String state, String message) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
			Instant endsAt, String generatorURL, String fingerprint, Map<String, Object> values, String silenceURL,
			String dashboardURL, String panelURL) {

		public String label(String name) {
			return labels == null ? null : blankToNull(labels.get(name));
		}

		public String annotation(String name) {
			return annotations == null ? null : blankToNull(annotations.get(name));
		}

		public boolean isFiring() {
			return MonitoringAlert.FIRING.equals(status);
		}

	}

	public int truncated() {
		return truncatedAlerts == null ? 0 : truncatedAlerts;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
