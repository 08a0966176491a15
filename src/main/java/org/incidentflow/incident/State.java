package org.incidentflow.incident;

/** Where an incident stands in its lifecycle (ServiceNow's states, the de facto standard). Stored and exchanged in lower case ({@code NEW} is {@code "new"}). */
public enum State {

	NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELED;

	/** The value as process variables, DMN tables and the API spell it. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static State fromCode(String code) {
		return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
