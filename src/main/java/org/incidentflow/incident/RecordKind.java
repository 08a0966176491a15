package org.incidentflow.incident;

/** What triage classified the record as: an incident, or a service request on the fulfilment path. Stored and exchanged in lower case ({@code INCIDENT} is {@code "incident"}). */
public enum RecordKind {

	INCIDENT, SERVICE_REQUEST;

	/** The value as process variables, DMN tables and the API spell it. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static RecordKind fromCode(String code) {
		return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
