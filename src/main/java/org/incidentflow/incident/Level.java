package org.incidentflow.incident;

/** Impact or urgency, the two axes of the priority matrix. Stored and exchanged in lower case ({@code HIGH} is {@code "high"}). */
public enum Level {

	HIGH, MEDIUM, LOW;

	/** The value as process variables, DMN tables and the API spell it. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Level fromCode(String code) {
		return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
