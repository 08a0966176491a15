package org.incidentflow.problem;

import java.util.Locale;

/** How a problem was raised. */
public enum ProblemOrigin {

	/** {@code POST /api/problems}. */
	API,
	/** The closure review of an incident ticked "problem record needed". */
	CLOSURE_REVIEW,
	/** Investigate put an incident on hold awaiting a problem that did not exist yet. */
	INVESTIGATION,
	/** A problem manager accepted a proposal of the decision problem-detection. */
	DETECTION;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
