package org.incidentflow.intake.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.incidentflow.web.JsonErrors;
import org.springframework.stereotype.Component;

/**
 * Reads and checks a webhook body. Everything the intake relies on is checked here, so that a bad notification is
 * refused with 400 naming the field before any transaction starts.
 */
@Component
public class AlertNotificationReader {

	static final int FINGERPRINT_MAX = 100;
	static final int GROUP_KEY_MAX = 1000;

	/**
	 * What every supported database stores in a timestamp column (PostgreSQL: 4713 BC to 294276 AD); Alertmanager's
	 * "not ended" is 0001-01-01T00:00:00Z, so year 1 is in.
	 */
	static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private final ObjectMapper json;

	public AlertNotificationReader(ObjectMapper json) {
		this.json = json;
	}

	public AlertNotification read(AlertSource source, String body) {
		if (body == null || body.isBlank()) {
			throw new InvalidNotification(null, "The request body is empty; expected a webhook notification in JSON.");
		}
		JsonNode tree;
		try {
			tree = json.readTree(body);
		}
		catch (StreamConstraintsException e) {
			throw new InvalidNotification(null, JsonErrors.describe(e));
		}
		catch (JsonProcessingException e) {
			throw new InvalidNotification(null, "The body is not valid JSON" + JsonErrors.where(e) + ".");
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidNotification(null, "The body is not a JSON object.");
		}
		refuseNul(tree, "");
		AlertNotification notification;
		try {
			notification = json.treeToValue(tree, AlertNotification.class);
		}
		catch (JsonMappingException e) {
			String field = path(e.getPath());
			throw new InvalidNotification(field.isEmpty() ? null : field,
					field.isEmpty() ? "The body is not a JSON object." : field + " has the wrong type or format.");
		}
		catch (JsonProcessingException e) {
			throw new InvalidNotification(null, "The body is not valid JSON" + JsonErrors.where(e) + ".");
		}
		check(source, notification);
		return normalized(notification);
	}

	/**
	 * U+0000 anywhere (label names and values, annotations, fingerprint, groupKey, ...) cannot be stored by PostgreSQL;
	 * the notification is refused naming the first place it occurs.
	 */
	private static void refuseNul(JsonNode node, String at) {
		if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
			throw new InvalidNotification(at, at + " contains the NUL character (U+0000).");
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				refuseNul(node.get(i), at + "[" + i + "]");
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String name = property.getKey();
				String inner = at.isEmpty() ? name : at + "." + name;
				if (name.indexOf('\u0000') >= 0) {
					String shown = (at.isEmpty() ? "" : at + ".") + name.replace('\u0000', '?');
					throw new InvalidNotification(shown, "The property name " + shown
							+ " contains the NUL character (U+0000).");
				}
				refuseNul(property.getValue(), inner);
			}
		}
	}

	/**
	 * PostgreSQL keeps microseconds; Alertmanager sends nanoseconds. The occurrence key (fingerprint, startsAt) must
	 * compare equal to what was stored, so instants are cut to microseconds before anything looks them up.
	 */
	private static AlertNotification normalized(AlertNotification n) {
		List<AlertNotification.Alert> alerts = n.alerts().stream()
			.map(a -> new AlertNotification.Alert(a.status(), a.labels(), a.annotations(), micros(a.startsAt()),
					micros(a.endsAt()), a.generatorURL(), a.fingerprint(), a.values(), a.silenceURL(),
					a.dashboardURL(), a.panelURL()))
			.toList();
		return new AlertNotification(n.version(), n.groupKey(), n.truncatedAlerts(), n.status(), n.receiver(),
				n.groupLabels(), n.commonLabels(), n.commonAnnotations(), n.externalURL(), alerts, n.orgId(),
				n.title(), n.state(), n.message());
	}

	private static Instant micros(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static void instant(Instant value, String field) {
		if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
			throw new InvalidNotification(field, field + " must lie between years 1 and 9999 (RFC 3339, UTC).");
		}
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
			instant(alert.startsAt(), at + ".startsAt");
			instant(alert.endsAt(), at + ".endsAt");
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
