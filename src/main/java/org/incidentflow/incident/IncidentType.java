package org.incidentflow.incident;

/** What kind of disruption was reported. Stored and exchanged in lower case ({@code SERVICE_DEGRADATION} is {@code "service_degradation"}). */
public enum IncidentType {

	SERVICE_DEGRADATION, SERVICE_OUTAGE, SECURITY, HARDWARE, SOFTWARE;

	/** The value as process variables, DMN tables and the API spell it. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static IncidentType fromCode(String code) {
		return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
