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
 * on the record. They are always "target from the report plus the time spent on hold, both in the calendar of the
 * current priority": every pause is kept as an interval ({@link SlaPause}) and measured again whenever the due dates
 * are computed, so a pause outside business hours costs nothing, a new priority measures old pauses in its own
 * calendar, and the running timer jobs are rescheduled whenever the dates change.
 * <p>
 * The targets last applied are kept in process variables ({@link #SLA_CALENDAR}, ...) so that a resume can recompute
 * without evaluating the DMN table again.
 */
@Component
@EnableConfigurationProperties(SlaProperties.class)
public class SlaClock {

	public static final String RESPONSE_WARNING_AT = Vars.RESPONSE_WARNING_AT;
	public static final String RESOLUTION_WARNING_AT = Vars.RESOLUTION_WARNING_AT;

	/** Process variables with the targets of the current priority (from the DMN table {@code incident-sla}). */
	public static final String SLA_CALENDAR = "slaCalendar";
	public static final String SLA_RESPONSE_TARGET = "slaResponseTarget";
	public static final String SLA_RESOLUTION_TARGET = "slaResolutionTarget";
	public static final String SLA_WARNING_PERCENT = "slaWarningPercent";

	/** Boundary timer ids in the model, all driven by the variables above. */
	static final List<String> SLA_TIMERS = List.of("SlaResponseWarning", "SlaResponseBreach", "SlaResolutionWarning",
			"SlaResolutionBreach");

	private final SlaCalendar calendar;
	private final ManagementService managementService;
	private final SlaPauseRepository pauses;

	public SlaClock(SlaProperties properties, ManagementService managementService, SlaPauseRepository pauses) {
		this.calendar = properties.calendar();
		this.managementService = managementService;
		this.pauses = pauses;
	}

	/** The targets of the DMN decision {@code incident-sla}. */
	public record Targets(String responseTarget, String resolutionTarget, int warningPercent, String calendar) {

		/** The targets last applied to the instance, or {@code null} if they were set before they were kept. */
		static Targets of(DelegateExecution execution) {
			Object calendar = execution.getVariable(SLA_CALENDAR);
			if (calendar == null) {
				return null;
			}
			return new Targets((String) execution.getVariable(SLA_RESPONSE_TARGET),
					(String) execution.getVariable(SLA_RESOLUTION_TARGET),
					((Number) execution.getVariable(SLA_WARNING_PERCENT)).intValue(), (String) calendar);
		}

	}

	/** Sets the due dates for the targets and moves running SLA timers to them. */
	public void applyTargets(DelegateExecution execution, Incident incident, Targets targets) {
		execution.setVariable(SLA_CALENDAR, targets.calendar());
		execution.setVariable(SLA_RESPONSE_TARGET, targets.responseTarget());
		execution.setVariable(SLA_RESOLUTION_TARGET, targets.resolutionTarget());
		execution.setVariable(SLA_WARNING_PERCENT, targets.warningPercent());
		setDueDates(execution, incident, targets);
		rescheduleTimers(execution, false);
		SlaStatus.refresh(execution, incident);
	}

	/** Stops the clock: the resolution timers stay where they are but cannot fire until {@link #resume}. */
	public void pause(DelegateExecution execution, Incident incident) {
		Instant now = ActivityLog.now();
		incident.setPausedSince(now);
		pauses.save(new SlaPause(incident.getId(), now,
				incident.getOnHoldReason() == null ? null : incident.getOnHoldReason().code()));
		withoutAuthorization(() -> timerJobs(execution).forEach(job -> suspend(job, true)));
		SlaStatus.refresh(execution, incident);
	}

	/**
	 * Restarts the clock: the pause is closed, the due dates are recomputed from all pauses (each moves them by the
	 * working time it took in the current calendar) and the timers are rescheduled to them. Returns the wall-clock
	 * time on hold, which is also added to the record's paused total.
	 */
	public Duration resume(DelegateExecution execution, Incident incident) {
		Duration paused = endPause(execution, incident);
		rescheduleTimers(execution, true);
		SlaStatus.refresh(execution, incident);
		return paused;
	}

	/** Ends a running pause (resolution or cancellation while on hold); no-op when the clock runs. */
	public Duration endPause(DelegateExecution execution, Incident incident) {
		if (incident.getPausedSince() == null) {
			return Duration.ZERO;
		}
		Instant now = ActivityLog.now();
		Duration paused = Duration.between(incident.getPausedSince(), now);
		openPause(incident).end(now);
		incident.setPausedMillis(incident.getPausedMillis() + paused.toMillis());
		incident.setPausedSince(null);
		Targets targets = Targets.of(execution);
		if (targets != null) {
			setDueDates(execution, incident, targets);
		}
		else {
			shiftDueDates(execution, incident, paused);
		}
		return paused;
	}

	/** The time on hold since the report, every pause measured in the given calendar; a running pause counts to now. */
	public Duration timeOnHold(Incident incident, String slaCalendar) {
		return timeOnHold(incident, slaCalendar, ActivityLog.now());
	}

	/** The time on hold between the report and {@code until} (pauses cut there), measured in the given calendar. */
	Duration timeOnHold(Incident incident, String slaCalendar, Instant until) {
		Instant now = ActivityLog.now();
		return pauses.findByIncidentIdOrderByStartedAtAscIdAsc(incident.getId()).stream()
			.filter(pause -> pause.getStartedAt().isBefore(until))
			.map(pause -> {
				Instant ended = pause.endOr(now);
				Instant end = ended.isAfter(until) ? until : ended;
				return end.isAfter(pause.getStartedAt())
						? calendar.workingTime(pause.getStartedAt(), end, slaCalendar)
						: Duration.ZERO;
			})
			.reduce(Duration.ZERO, Duration::plus);
	}

	private void setDueDates(DelegateExecution execution, Incident incident, Targets targets) {
		Instant reported = incident.getReportedAt();
		Duration onHold = timeOnHold(incident, targets.calendar());
		// the response target is met (or missed) at the first response: time on hold after it does not move it
		Duration onHoldBeforeResponse = incident.getFirstResponseAt() == null ? onHold
				: timeOnHold(incident, targets.calendar(), incident.getFirstResponseAt());
		Instant responseDue = calendar.add(reported, targets.calendar(), targets.responseTarget(), 100,
				onHoldBeforeResponse);
		Instant resolutionDue = calendar.add(reported, targets.calendar(), targets.resolutionTarget(), 100, onHold);
		execution.setVariable(RESPONSE_WARNING_AT, date(calendar.add(reported, targets.calendar(),
				targets.responseTarget(), targets.warningPercent(), onHoldBeforeResponse)));
		execution.setVariable(Vars.RESPONSE_DUE, date(responseDue));
		execution.setVariable(RESOLUTION_WARNING_AT, date(calendar.add(reported, targets.calendar(),
				targets.resolutionTarget(), targets.warningPercent(), onHold)));
		execution.setVariable(Vars.RESOLUTION_DUE, date(resolutionDue));
		incident.setResponseDueAt(responseDue);
		incident.setResolutionDueAt(resolutionDue);
	}

	/** The open interval; one is recorded after the fact for a pause that began before intervals were kept. */
	private SlaPause openPause(Incident incident) {
		List<SlaPause> all = pauses.findByIncidentIdOrderByStartedAtAscIdAsc(incident.getId());
		return all.stream()
			.filter(pause -> pause.getEndedAt() == null)
			.reduce((first, last) -> last)
			.orElseGet(() -> pauses.save(new SlaPause(incident.getId(), incident.getPausedSince(),
					incident.getOnHoldReason() == null ? null : incident.getOnHoldReason().code())));
	}

	/**
	 * Instances whose targets were applied before the targets were kept in variables: the due dates move by the
	 * wall-clock time on hold, as they always did. Their next reprioritisation switches them to the intervals.
	 */
	private static void shiftDueDates(DelegateExecution execution, Incident incident, Duration paused) {
		boolean responded = incident.getFirstResponseAt() != null;
		List<String> moving = responded ? List.of(RESOLUTION_WARNING_AT, Vars.RESOLUTION_DUE)
				: List.of(RESPONSE_WARNING_AT, Vars.RESPONSE_DUE, RESOLUTION_WARNING_AT, Vars.RESOLUTION_DUE);
		for (String name : moving) {
			Date due = (Date) execution.getVariable(name);
			if (due != null) {
				execution.setVariable(name, new Date(due.getTime() + paused.toMillis()));
			}
		}
		if (incident.getResponseDueAt() != null && !responded) {
			incident.setResponseDueAt(incident.getResponseDueAt().plus(paused));
		}
		if (incident.getResolutionDueAt() != null) {
			incident.setResolutionDueAt(incident.getResolutionDueAt().plus(paused));
		}
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
