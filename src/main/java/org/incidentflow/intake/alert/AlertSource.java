package org.incidentflow.intake.alert;

/** A monitoring system that posts webhook notifications, with the payload version it must send. */
public enum AlertSource {

	ALERTMANAGER("4"), GRAFANA("1");

	private final String payloadVersion;

	AlertSource(String payloadVersion) {
		this.payloadVersion = payloadVersion;
	}

	public String payloadVersion() {
		return payloadVersion;
	}

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
