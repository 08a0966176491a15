package org.incidentflow.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form submission (or start form) the process cannot accept. Thrown from a task listener it rolls back the
 * completion; the engine REST API answers 400 with this message, which Tasklist shows to the user.
 */
public class InvalidSubmissionException extends BadUserRequestException {

	public InvalidSubmissionException(String message) {
		super(message);
	}

}
