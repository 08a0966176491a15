package org.incidentflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The SLA clock of an incident. Due dates live in process variables (the boundary timers of the model fire at
 * {@code ${responseWarningAt}}, {@code ${responseDue}}, {@code ${resolutionWarningAt}}, {@code ${resolutionDue}}) and
 * on the record. They are always "target from the report, in the target's calendar, plus the time spent on hold", so
 * a new priority or a pause never loses time, and the running timer jobs are rescheduled whenever they change.
 */
@Component
@EnableConfigurationProperties(SlaProperties.class)
public class SlaClock {

	public static final String RESPONSE_WARNING_AT = Vars.RESPONSE_WARNING_AT;
	public static final String RESOLUTION_WARNING_AT = Vars.RESOLUTION_WARNING_AT;

	/** Boundary timer ids in the model, all driven by the variables above. */
	static final List<String> SLA_TIMERS = List.of("SlaResponseWarning", "SlaResponseBreach", "SlaResolutionWarning",
			"SlaResolutionBreach");

	private final SlaCalendar calendar;
	private final ManagementService managementService;

	public SlaClock(SlaProperties properties, ManagementService managementService) {
		this.calendar = properties.calendar();
		this.managementService = managementService;
	}

	/** The targets of the DMN decision {@code incident-sla}. */
	public record Targets(String responseTarget, String resolutionTarget, int warningPercent, String calendar) {
	}

	/** Sets the due dates for the targets and moves running SLA timers to them. */
	public void applyTargets(DelegateExecution execution, Incident incident, Targets targets) {
		Instant reported = incident.getReportedAt();
		Duration paused = Duration.ofMillis(incident.getPausedMillis());
		Instant responseDue = calendar.add(reported, targets.calendar(), targets.responseTarget()).plus(paused);
		Instant resolutionDue = calendar.add(reported, targets.calendar(), targets.resolutionTarget()).plus(paused);
		execution.setVariable(RESPONSE_WARNING_AT, date(calendar.add(reported, targets.calendar(),
				targets.responseTarget(), targets.warningPercent()).plus(paused)));
		execution.setVariable(Vars.RESPONSE_DUE, date(responseDue));
		execution.setVariable(RESOLUTION_WARNING_AT, date(calendar.add(reported, targets.calendar(),
				targets.resolutionTarget(), targets.warningPercent()).plus(paused)));
		execution.setVariable(Vars.RESOLUTION_DUE, date(resolutionDue));
		incident.setResponseDueAt(responseDue);
		incident.setResolutionDueAt(resolutionDue);
		rescheduleTimers(execution, false);
	}

	/** Stops the clock: the resolution timers stay where they are but cannot fire until {@link #resume}. */
	public void pause(DelegateExecution execution, Incident incident) {
		incident.setPausedSince(ActivityLog.now());
		withoutAuthorization(() -> timerJobs(execution).forEach(job -> suspend(job, true)));
	}

	/**
	 * Restarts the clock: every due date moves by exactly the time on hold, which is added to the record's paused
	 * total, and the timers are rescheduled to the new dates. Returns the time on hold.
	 */
	public Duration resume(DelegateExecution execution, Incident incident) {
		Duration paused = endPause(execution, incident);
		rescheduleTimers(execution, true);
		return paused;
	}

	/** Ends a running pause (resolution or cancellation while on hold); no-op when the clock runs. */
	public Duration endPause(DelegateExecution execution, Incident incident) {
		if (incident.getPausedSince() == null) {
			return Duration.ZERO;
		}
		Duration paused = Duration.between(incident.getPausedSince(), ActivityLog.now());
		incident.setPausedMillis(incident.getPausedMillis() + paused.toMillis());
		incident.setPausedSince(null);
		for (String name : List.of(RESPONSE_WARNING_AT, Vars.RESPONSE_DUE, RESOLUTION_WARNING_AT, Vars.RESOLUTION_DUE)) {
			Date due = (Date) execution.getVariable(name);
			if (due != null) {
				execution.setVariable(name, new Date(due.getTime() + paused.toMillis()));
			}
		}
		if (incident.getResponseDueAt() != null) {
			incident.setResponseDueAt(incident.getResponseDueAt().plus(paused));
		}
		if (incident.getResolutionDueAt() != null) {
			incident.setResolutionDueAt(incident.getResolutionDueAt().plus(paused));
		}
		return paused;
	}

	private void rescheduleTimers(DelegateExecution execution, boolean activate) {
		withoutAuthorization(() -> timerJobs(execution).forEach(job -> {
			if (activate) {
				suspend(job, false);
			}
			// re-evaluates the timer's timeDate expression against the variables just set
			managementService.recalculateJobDuedate(job.getId(), false);
		}));
	}

	/**
	 * Suspends or activates a timer on the job entity itself. ManagementService#suspendJobById would do it with a
	 * bulk UPDATE behind the back of the entity the same transaction reschedules next (optimistic locking failure).
	 */
	private static void suspend(Job job, boolean suspended) {
		((JobEntity) job).setSuspensionState(
				(suspended ? SuspensionState.SUSPENDED : SuspensionState.ACTIVE).getStateCode());
	}

	private List<Job> timerJobs(DelegateExecution execution) {
		return SLA_TIMERS.stream()
			.flatMap(activityId -> managementService.createJobQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.timers()
				.activityId(activityId)
				.list()
				.stream())
			.toList();
	}

	/**
	 * The clock works on the engine's own jobs on behalf of whoever completed the task; that user needs no job
	 * permissions for it.
	 */
	private static void withoutAuthorization(Runnable work) {
		Context.getCommandContext().runWithoutAuthorization(() -> {
			work.run();
			return null;
		});
	}

	private static Date date(Instant instant) {
		return Date.from(instant);
	}

}
