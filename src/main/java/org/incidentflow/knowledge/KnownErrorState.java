package org.incidentflow.knowledge;

import java.util.Locale;

/** Lifecycle of a known error: drafted, published (suggested until {@code validTo}), retired (the fix is in). */
public enum KnownErrorState {
	DRAFT, PUBLISHED, RETIRED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
