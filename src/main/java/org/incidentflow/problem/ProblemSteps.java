package org.incidentflow.problem;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.incidentflow.engine.EngineAsSystem;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentNotice.Audience;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.OnHoldReason;
import org.incidentflow.incident.State;
import org.incidentflow.knowledge.KnownErrorRegister;
import org.incidentflow.knowledge.KnownErrorRegister.KnownErrorDraft;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The record-changing service tasks of {@code problem-management}, one delegate each. They run in the engine's
 * transaction (record, audit and process state commit together) and are idempotent: a job run twice changes
 * nothing the second time.
 */
public final class ProblemSteps {

	private ProblemSteps() {
	}

	static Problem of(ProblemManagement problems, DelegateExecution execution) {
		return problems.find(execution.getProcessBusinessKey()).orElseThrow(() -> new IllegalStateException(
				"No problem record " + execution.getProcessBusinessKey() + " for the process instance"));
	}

	static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	/** Root-cause analysis begins. */
	@Component("startProblemInvestigation")
	public static class StartInvestigation implements JavaDelegate {

		private final ProblemManagement problems;

		public StartInvestigation(ProblemManagement problems) {
			this.problems = problems;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Problem problem = of(problems, execution);
			if (problem.getState() == ProblemState.NEW) {
				problem.startInvestigation();
				problems.event(problem, "INVESTIGATION_STARTED", "Root-cause analysis by " + problem.getOwnerGroup()
						+ " and " + ProblemProcess.PROBLEM_MANAGERS);
			}
		}
	}

	/** Stores the root cause and the workaround found by the investigation. */
	@Component("recordRootCause")
	public static class RecordRootCause implements JavaDelegate {

		private final ProblemManagement problems;

		public RecordRootCause(ProblemManagement problems) {
			this.problems = problems;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Problem problem = of(problems, execution);
			problem.recordRootCause(text(execution, ProblemProcess.Vars.ROOT_CAUSE),
					text(execution, ProblemProcess.Vars.WORKAROUND));
			problems.event(problem, "ROOT_CAUSE_IDENTIFIED", problem.getWorkaround() == null ? "No workaround known"
					: "Workaround known: to be published as a known error");
		}
	}

	/**
	 * Records and publishes the known error in the knowledge base through {@link KnownErrorRegister}. Without an
	 * implementation in this deployment the task fails (a Camunda incident an operator sees and retries), instead of
	 * pretending the workaround was published.
	 */
	@Component("recordKnownError")
	public static class RecordKnownError implements JavaDelegate {

		private final ProblemManagement problems;
		private final ObjectProvider<KnownErrorRegister> register;

		public RecordKnownError(ProblemManagement problems, ObjectProvider<KnownErrorRegister> register) {
			this.problems = problems;
			this.register = register;
		}

		@Override
		public void execute(DelegateExecution execution) {
			KnownErrorRegister knownErrors = register.getIfAvailable();
			if (knownErrors == null) {
				throw new IllegalStateException("No known-error database in this deployment (no KnownErrorRegister "
						+ "bean): the known error of " + execution.getProcessBusinessKey() + " cannot be recorded.");
			}
			Problem problem = of(problems, execution);
			String number = knownErrors.recordForProblem(new KnownErrorDraft(problem.getNumber(), problem.getTitle(),
					problem.getDescription() == null ? problem.getTitle() : problem.getDescription(),
					problem.getRootCause(), problem.getWorkaround(), text(execution, ProblemProcess.Vars.ERROR_CODE),
					problem.getService(), problem.getConfigurationItem()));
			if (!number.equals(problem.getKnownErrorNumber())) {
				problem.recordKnownError(number);
				problems.event(problem, "KNOWN_ERROR_RECORDED", number + " published with the workaround");
			}
		}
	}

	/**
	 * The fix is in: the problem is resolved, its known error retired, and every linked incident on hold awaiting
	 * the problem resumes (message {@code ProblemResolved}); their callers are told.
	 */
	@Component("resolveProblem")
	public static class ResolveProblem implements JavaDelegate {

		private final ProblemManagement problems;
		private final ObjectProvider<KnownErrorRegister> register;
		private final RuntimeService runtimeService;
		private final ApplicationEventPublisher events;

		public ResolveProblem(ProblemManagement problems, ObjectProvider<KnownErrorRegister> register,
				RuntimeService runtimeService, ApplicationEventPublisher events) {
			this.problems = problems;
			this.register = register;
			this.runtimeService = runtimeService;
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Problem problem = of(problems, execution);
			if (problem.getState() != ProblemState.RESOLVED) {
				problem.resolve(text(execution, ProblemProcess.Vars.CHANGE_REFERENCE),
						text(execution, ProblemProcess.Vars.RESOLUTION), ActivityLog.now());
				problems.event(problem, "RESOLVED", "Fixed through change " + problem.getChangeReference());
			}
			if (problem.getKnownErrorNumber() != null) {
				KnownErrorRegister knownErrors = register.getIfAvailable();
				if (knownErrors == null) {
					throw new IllegalStateException("No known-error database in this deployment (no KnownErrorRegister "
							+ "bean): known error " + problem.getKnownErrorNumber() + " cannot be retired.");
				}
				knownErrors.retireForProblem(problem.getNumber(), problem.getResolution());
			}
			List<Incident> linked = problems.linkedIncidents(problem);
			for (Incident incident : linked) {
				if (incident.getState() != State.ON_HOLD || incident.getOnHoldReason() != OnHoldReason.AWAITING_PROBLEM) {
					continue;
				}
				// only instances waiting at the boundary event: correlating twice (job retry) finds none the second time
				List<Execution> waiting = EngineAsSystem.call(() -> runtimeService.createExecutionQuery()
					.processInstanceBusinessKey(incident.getNumber())
					.messageEventSubscriptionName(ProblemProcess.PROBLEM_RESOLVED_MESSAGE)
					.list());
				if (waiting.isEmpty()) {
					continue;
				}
				EngineAsSystem.run(() -> runtimeService.createMessageCorrelation(ProblemProcess.PROBLEM_RESOLVED_MESSAGE)
					.processInstanceBusinessKey(incident.getNumber())
					.correlateWithResult());
				events.publishEvent(new IncidentNotice(incident.getNumber(), Kind.PROBLEM_FIXED, Audience.USER,
						incident.getCaller(), "The underlying problem " + problem.getNumber() + " is fixed ("
								+ problem.getResolution() + "). Work on your incident resumes."));
			}
		}
	}

	/** The review found the fix did not hold: the problem goes back to fixing. */
	@Component("reopenProblemFix")
	public static class ReopenFix implements JavaDelegate {

		private final ProblemManagement problems;

		public ReopenFix(ProblemManagement problems) {
			this.problems = problems;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Problem problem = of(problems, execution);
			if (problem.getState() == ProblemState.RESOLVED) {
				problem.reopenFix();
				problems.event(problem, "FIX_REJECTED", text(execution, ProblemProcess.Vars.REVIEW_NOTES));
			}
		}
	}

	/** Closed after the review. */
	@Component("closeProblem")
	public static class CloseProblem implements JavaDelegate {

		private final ProblemManagement problems;

		public CloseProblem(ProblemManagement problems) {
			this.problems = problems;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Problem problem = of(problems, execution);
			if (problem.getState() != ProblemState.CLOSED) {
				problem.close(ActivityLog.now());
				String notes = text(execution, ProblemProcess.Vars.REVIEW_NOTES);
				problems.event(problem, "CLOSED", "Closed after review" + (notes == null ? "" : ": " + notes));
			}
		}
	}

}
