package org.incidentflow.problem;

import java.util.Locale;

/**
 * Where a problem is in its lifecycle (processes/problem-management.bpmn). Stored and exchanged in lower case
 * ({@code KNOWN_ERROR} is {@code "known_error"}).
 */
public enum ProblemState {

	/** Logged, not yet investigated. */
	NEW,
	/** Root-cause analysis under way. */
	INVESTIGATING,
	/** Root cause and workaround known, recorded as a known error; the permanent fix is pending. */
	KNOWN_ERROR,
	/** Root cause known without a workaround; the permanent fix is pending. */
	FIX_IN_PROGRESS,
	/** The fix is in (through a change); linked incidents awaiting the problem resume. */
	RESOLVED,
	/** Reviewed and closed. */
	CLOSED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ProblemState fromCode(String code) {
		return valueOf(code.trim().toUpperCase(Locale.ROOT));
	}

	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}

}
