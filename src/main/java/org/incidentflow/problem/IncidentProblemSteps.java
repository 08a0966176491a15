package org.incidentflow.problem;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.process.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code incident-management} that raise a problem for an incident or link it to an existing
 * one. A bad problem number refuses the task completion before them (the engine rolls it back and Tasklist shows the
 * message), like a failed form check.
 */
public final class IncidentProblemSteps {

	/** Variable of the closure review and Investigate forms: an existing problem to link instead of raising one. */
	public static final String PROBLEM_NUMBER = ProblemProcess.Vars.PROBLEM_NUMBER;

	private IncidentProblemSteps() {
	}

	static Problem raiseOrLink(DelegateExecution execution, ProblemManagement problems, IncidentRepository incidents,
			ProblemOrigin origin) {
		Incident incident = incidents.findByNumber(execution.getProcessBusinessKey()).orElseThrow(
				() -> new IllegalStateException("No incident record " + execution.getProcessBusinessKey()));
		String chosen = ProblemSteps.text(execution, PROBLEM_NUMBER);
		Problem problem;
		if (chosen != null) {
			String number = chosen.toUpperCase(Locale.ROOT);
			problem = problems.find(number).orElseThrow(() -> new InvalidSubmissionException(PROBLEM_NUMBER,
					"Problem: " + number + " does not exist."));
			if (!problem.getState().isOpen() && !number.equals(incident.getProblemNumber())) {
				throw new InvalidSubmissionException(PROBLEM_NUMBER, "Problem: " + number + " is already "
						+ problem.getState().code() + "; leave the field empty to raise a new problem.");
			}
			problems.link(problem, incident);
		}
		else if (incident.getProblemNumber() != null) {
			// already linked (a retried job, or linked through the API): keep that problem
			problem = problems.find(incident.getProblemNumber()).orElseThrow();
		}
		else {
			problem = problems.raiseFor(incident, origin);
		}
		execution.setVariable(PROBLEM_NUMBER, problem.getNumber());
		return problem;
	}

	/** Closure review ticked "problem record needed": raise the problem (or link the chosen one). */
	@Component("raiseProblemFromReview")
	public static class FromClosureReview implements JavaDelegate {

		private final ProblemManagement problems;
		private final IncidentRepository incidents;

		public FromClosureReview(ProblemManagement problems, IncidentRepository incidents) {
			this.problems = problems;
			this.incidents = incidents;
		}

		@Override
		public void execute(DelegateExecution execution) {
			raiseOrLink(execution, problems, incidents, ProblemOrigin.CLOSURE_REVIEW);
		}
	}

	/** Investigate put the incident on hold awaiting a problem: link it to that problem, or raise one. */
	@Component("linkAwaitedProblem")
	public static class FromInvestigation implements JavaDelegate {

		private final ProblemManagement problems;
		private final IncidentRepository incidents;

		public FromInvestigation(ProblemManagement problems, IncidentRepository incidents) {
			this.problems = problems;
			this.incidents = incidents;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Problem problem = raiseOrLink(execution, problems, incidents, ProblemOrigin.INVESTIGATION);
			if (!problem.getState().isOpen()) {
				throw new InvalidSubmissionException(PROBLEM_NUMBER, "Problem: " + problem.getNumber()
						+ " is already " + problem.getState().code() + "; nothing to wait for.");
			}
		}
	}

}
