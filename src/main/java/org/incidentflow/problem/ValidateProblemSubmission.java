package org.incidentflow.problem;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.incidentflow.process.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the problem tasks: the server-side check of their forms (Camunda Forms validate only in the
 * browser; the engine REST API accepts anything). The limits are the column lengths and match the forms.
 */
@Component("validateProblemSubmission")
public class ValidateProblemSubmission implements TaskListener {

	static final int ERROR_CODE_MAX = 100;

	@Override
	public void notify(DelegateTask task) {
		switch (task.getTaskDefinitionKey()) {
			case ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE -> {
				text(task, ProblemProcess.Vars.ROOT_CAUSE, "Root cause", Problem.TEXT_MAX, true);
				text(task, ProblemProcess.Vars.WORKAROUND, "Workaround", Problem.TEXT_MAX, false);
				text(task, ProblemProcess.Vars.ERROR_CODE, "Error code", ERROR_CODE_MAX, false);
				// the gateway reads it: an absent workaround must be a variable too
				if (task.getVariable(ProblemProcess.Vars.WORKAROUND) == null) {
					task.setVariable(ProblemProcess.Vars.WORKAROUND, "");
				}
			}
			case ProblemProcess.Tasks.FIX_THROUGH_CHANGE -> {
				text(task, ProblemProcess.Vars.CHANGE_REFERENCE, "Change reference", Problem.CHANGE_MAX, true);
				text(task, ProblemProcess.Vars.RESOLUTION, "Resolution", Problem.TEXT_MAX, true);
			}
			case ProblemProcess.Tasks.REVIEW_PROBLEM -> {
				boolean confirmed = flag(task, ProblemProcess.Vars.FIX_CONFIRMED, "Fix confirmed");
				text(task, ProblemProcess.Vars.REVIEW_NOTES, "Review notes", 4000, !confirmed);
			}
			case ProblemProcess.Tasks.REVIEW_PROPOSAL -> {
				boolean accepted = flag(task, ProblemProcess.Vars.PROPOSAL_ACCEPTED, "Raise a problem");
				text(task, ProblemProcess.Vars.DISMISS_REASON, "Why not", 1000, !accepted);
				text(task, ProblemProcess.Vars.OWNER_GROUP, "Owner group", Problem.GROUP_MAX, false);
			}
			default -> throw new IllegalStateException("No form check for task " + task.getTaskDefinitionKey());
		}
	}

	static String text(DelegateTask task, String name, String label, int max, boolean required) {
		Object value = task.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			if (required) {
				throw new InvalidSubmissionException(name, label + " is required.");
			}
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidSubmissionException(name, label + " must be text.");
		}
		if (text.length() > max) {
			throw new InvalidSubmissionException(name, label + " is too long (at most " + max + " characters).");
		}
		return text.trim();
	}

	static boolean flag(DelegateTask task, String name, String label) {
		Object value = task.getVariable(name);
		if (value == null) {
			// an untouched checkbox of a Camunda Form may submit nothing: it means no
			task.setVariable(name, false);
			return false;
		}
		if (value instanceof Boolean flag) {
			return flag;
		}
		throw new InvalidSubmissionException(name, label + " must be answered (yes or no).");
	}

}
