package org.incidentflow.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form submission (or start form) the process cannot accept. Thrown from a task listener it rolls back the
 * completion; the engine REST API answers 400 with this message, which Tasklist shows to the user.
 */
public class InvalidSubmissionException extends BadUserRequestException {

	private final String variable;

	public InvalidSubmissionException(String message) {
		this(null, message);
	}

	/** @param variable the process variable (form field) refused, so that an API can name its own field */
	public InvalidSubmissionException(String variable, String message) {
		super(message);
		this.variable = variable;
	}

	/** The refused process variable, or null when the refusal concerns no single field. */
	public String variable() {
		return variable;
	}

	/** The refusal somewhere in the cause chain (the engine wraps exceptions of task listeners), if any. */
	public static java.util.Optional<InvalidSubmissionException> in(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidSubmissionException refusal) {
				return java.util.Optional.of(refusal);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return java.util.Optional.empty();
	}

}
