package org.incidentflow.incident;

/** How an incident was reported. Stored and exchanged in lower case ({@code PORTAL} is {@code "portal"}). */
public enum Channel {

	PORTAL, EMAIL, PHONE, CHAT, MONITORING;

	/** The value as process variables, DMN tables and the API spell it. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Channel fromCode(String code) {
		return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
