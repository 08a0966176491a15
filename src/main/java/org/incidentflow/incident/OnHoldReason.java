package org.incidentflow.incident;

/** Why work on an incident is paused; the SLA clock stops while on hold. Stored and exchanged in lower case ({@code AWAITING_CALLER} is {@code "awaiting_caller"}). */
public enum OnHoldReason {

	AWAITING_CALLER, AWAITING_CHANGE, AWAITING_PROBLEM, AWAITING_VENDOR;

	/** The value as process variables, DMN tables and the API spell it. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static OnHoldReason fromCode(String code) {
		return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
