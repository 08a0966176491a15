package org.incidentflow.asset;

import java.util.Locale;

/**
 * How one configuration item relies on another. Both directions mean the same for impact: when the target is down,
 * the source is affected.
 */
public enum RelationshipType {

	/** An application depends on a database, a service depends on an application. */
	DEPENDS_ON,
	/** An application runs on a server, a virtual machine runs on a host. */
	RUNS_ON;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
