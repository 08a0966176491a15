package org.incidentflow.asset;

import java.util.Locale;

/** Where a configuration item is in its life. Exchanged in lower case ({@code IN_USE} is {@code "in_use"}). */
public enum CiStatus {

	/** Operational; incidents are expected to name it. */
	IN_USE,
	/** Planned work on it; incidents may still name it. */
	MAINTENANCE,
	/** Taken out of service; kept for the history of its incidents. */
	RETIRED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
