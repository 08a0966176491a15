package org.incidentflow.incident.api;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.process.InvalidSubmissionException;

/**
 * Complete listener of the test double's confirmation task: a rule of the process that the API does not know (a
 * rejection reason of at least 10 characters), so that a refusal by the process can be provoked through the API.
 */
public class StricterConfirmationRule implements TaskListener {

	static final int MIN_REASON = 10;

	@Override
	public void notify(DelegateTask task) {
		Object reason = task.getVariable(IncidentProcess.Vars.REJECTION_REASON);
		if (reason instanceof String text && text.length() < MIN_REASON) {
			throw new InvalidSubmissionException(IncidentProcess.Vars.REJECTION_REASON,
					"Reason must say what still fails (at least " + MIN_REASON + " characters).");
		}
	}

}
