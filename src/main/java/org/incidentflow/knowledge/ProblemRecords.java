package org.incidentflow.knowledge;

/**
 * Whether a problem record exists, answered by problem management (org.incidentflow.problem). An interface here,
 * because problem management already depends on this package for {@link KnownErrorRegister}: a known error belongs
 * to a real problem, not to a number that only looks like one.
 */
public interface ProblemRecords {

	/** {@code problemNumber} is normalized (upper case, trimmed). */
	boolean exists(String problemNumber);

}
