package org.incidentflow.knowledge;

/**
 * The known-error database as problem management sees it: a problem whose root cause and workaround are known records
 * a known error, and withdraws it once the permanent fix is in.
 * <p>
 * Calls run inside the caller's transaction and are idempotent per problem (jobs run at least once): recording twice
 * for the same problem updates the one known error instead of creating a second.
 */
public interface KnownErrorRegister {

	/** What a problem knows when its known error is recorded; {@code configurationItem} and {@code errorCode} may be null. */
	record KnownErrorDraft(String problemNumber, String title, String symptom, String rootCause, String workaround,
			String errorCode, String service, String configurationItem) {
	}

	/**
	 * Records (or updates) the known error of a problem and publishes it, so that it is suggested for new incidents.
	 *
	 * @return the known error's number, for example {@code KE-000001}
	 */
	String recordForProblem(KnownErrorDraft draft);

	/** The problem's fix is in: its known error is retired with the solution, and no longer suggested. */
	void retireForProblem(String problemNumber, String solution);
}
