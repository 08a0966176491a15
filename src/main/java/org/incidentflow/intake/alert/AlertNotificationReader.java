package org.incidentflow.intake.alert;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Reads and checks a webhook body. Everything the intake relies on is checked here, so that a bad notification is
 * refused with 400 naming the field before any transaction starts.
 */
@Component
public class AlertNotificationReader {

	static final int FINGERPRINT_MAX = 100;
	static final int GROUP_KEY_MAX = 1000;

	private final ObjectMapper json;

	public AlertNotificationReader(ObjectMapper json) {
		this.json = json;
	}

	public AlertNotification read(AlertSource source, String body) {
		if (body == null || body.isBlank()) {
			throw new InvalidNotification(null, "The request body is empty; expected a webhook notification in JSON.");
		}
		AlertNotification notification;
		try {
			notification = json.readValue(body, AlertNotification.class);
		}
		catch (JsonMappingException e) {
			String field = path(e.getPath());
			throw new InvalidNotification(field.isEmpty() ? null : field,
					field.isEmpty() ? "The body is not a JSON object." : field + " has the wrong type or format.");
		}
		catch (JsonProcessingException e) {
			throw new InvalidNotification(null, "The body is not valid JSON (line " + e.getLocation().getLineNr()
					+ ", column " + e.getLocation().getColumnNr() + ").");
		}
		check(source, notification);
		return notification;
	}

	private static void check(AlertSource source, AlertNotification n) {
		if (n == null) {
			throw new InvalidNotification(null, "The body is not a JSON object.");
		}
		if (!source.payloadVersion().equals(n.version())) {
			throw new InvalidNotification("version", "version must be \"" + source.payloadVersion() + "\" for "
					+ source.code() + " notifications.");
		}
		if (n.groupKey() == null || n.groupKey().isBlank()) {
			throw new InvalidNotification("groupKey", "groupKey is missing.");
		}
		if (n.groupKey().length() > GROUP_KEY_MAX) {
			throw new InvalidNotification("groupKey", "groupKey is longer than " + GROUP_KEY_MAX + " characters.");
		}
		if (n.truncatedAlerts() != null && n.truncatedAlerts() < 0) {
			throw new InvalidNotification("truncatedAlerts", "truncatedAlerts must not be negative.");
		}
		if (n.alerts() == null || n.alerts().isEmpty()) {
			throw new InvalidNotification("alerts", "alerts is missing or empty.");
		}
		for (int i = 0; i < n.alerts().size(); i++) {
			AlertNotification.Alert alert = n.alerts().get(i);
			String at = "alerts[" + i + "]";
			if (alert == null) {
				throw new InvalidNotification(at, at + " is null.");
			}
			if (!MonitoringAlert.FIRING.equals(alert.status()) && !MonitoringAlert.RESOLVED.equals(alert.status())) {
				throw new InvalidNotification(at + ".status", at + ".status must be \"firing\" or \"resolved\".");
			}
			if (alert.fingerprint() == null || alert.fingerprint().isBlank()) {
				throw new InvalidNotification(at + ".fingerprint", at + ".fingerprint is missing.");
			}
			if (alert.fingerprint().length() > FINGERPRINT_MAX) {
				throw new InvalidNotification(at + ".fingerprint",
						at + ".fingerprint is longer than " + FINGERPRINT_MAX + " characters.");
			}
			if (alert.startsAt() == null) {
				throw new InvalidNotification(at + ".startsAt", at + ".startsAt is missing.");
			}
		}
	}

	private static String path(List<JsonMappingException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : references) {
			if (reference.getFieldName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
