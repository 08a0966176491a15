package org.incidentflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentflow.incident.IncidentProcess.Vars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.IncidentProcess.Messages;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.process.SlaTimers;

/**
 * Incidents driven through the real process at known moments of the engine clock, for the report tests. Times are
 * local to the reporting time zone (Europe/Berlin, application.yaml); each step sets the clock to its moment.
 * Titles avoid the categorisation table's keywords, so every incident starts at service-desk (category general).
 */
class ReportFixtures {

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private final IncidentReporting reporting;
	private final RuntimeService runtimeService;
	private final TaskService taskService;
	private final SlaTimers timers;

	ReportFixtures(IncidentReporting reporting, RuntimeService runtimeService, TaskService taskService,
			ManagementService managementService) {
		this.reporting = reporting;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.timers = new SlaTimers(managementService);
	}

	static Instant local(LocalDateTime time) {
		return time.atZone(ZONE).toInstant();
	}

	static void clock(Instant at) {
		ClockUtil.setCurrentTime(Date.from(at));
	}

	/** One incident of the fixture; every method moves the engine clock to {@code reported + minutes}. */
	final class Fixture {

		final String number;
		final Instant reported;

		Fixture(String number, Instant reported) {
			this.number = number;
			this.reported = reported;
		}

		Fixture at(long minutes) {
			clock(reported.plus(Duration.ofMinutes(minutes)));
			return this;
		}

		Fixture triage(long minutes) {
			at(minutes);
			Map<String, Object> form = new HashMap<>();
			form.put(Vars.CLASSIFICATION, "incident");
			complete(Tasks.TRIAGE, form);
			return this;
		}

		Fixture escalate(long minutes, String group) {
			at(minutes);
			complete(Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "escalate", Vars.ESCALATE_TO, group,
					Vars.HANDOVER_NOTE, "Checked the obvious; over to " + group + "."));
			return this;
		}

		Fixture hold(long minutes) {
			at(minutes);
			complete(Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
					"awaiting_vendor"));
			return this;
		}

		Fixture resume(long minutes) {
			at(minutes);
			complete(Tasks.ON_HOLD, Map.of());
			return this;
		}

		Fixture resolve(long minutes) {
			at(minutes);
			complete(Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
					"configuration_change", Vars.RESOLUTION_NOTES, "Fixed in the fixture", Vars.WORKAROUND, ""));
			return this;
		}

		Fixture reject(long minutes) {
			at(minutes);
			complete(Tasks.CONFIRM_RESOLUTION, Map.of(Vars.RESOLUTION_ACCEPTED, false, Vars.REJECTION_REASON,
					"Still broken"));
			return this;
		}

		/** Confirmed by the caller and, for P1/P2, reviewed by the incident managers: closed. */
		Fixture close(long minutes) {
			at(minutes);
			complete(Tasks.CONFIRM_RESOLUTION, Map.of(Vars.RESOLUTION_ACCEPTED, true));
			Task review = taskService.createTaskQuery().processInstanceBusinessKey(number)
				.taskDefinitionKey(Tasks.CLOSURE_REVIEW).singleResult();
			if (review != null) {
				taskService.complete(review.getId(), Map.of(Vars.CAUSE, "Fixture", Vars.STEPS_TAKEN, "Fixed",
						Vars.PREVENTIVE_MEASURES, "None", Vars.PROBLEM_REQUIRED, false));
			}
			return this;
		}

		Fixture cancel(long minutes) {
			at(minutes);
			runtimeService.createMessageCorrelation(Messages.CANCELLATION_REQUESTED).processInstanceBusinessKey(number)
				.setVariable(Vars.CANCEL_REASON, "Withdrawn").setVariable(Vars.CANCELED_BY, "rita").correlate();
			return this;
		}

		/** Fires the SLA timers due at {@code reported + minutes} (the job executor is off in tests). */
		Fixture fireTimers(long minutes) {
			at(minutes);
			ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
				.singleResult();
			timers.fireDue(instance);
			return this;
		}

		private void complete(String taskKey, Map<String, Object> variables) {
			Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
				.singleResult();
			assertThat(task).as("open task %s of %s", taskKey, number).isNotNull();
			taskService.complete(task.getId(), variables);
		}

	}

	/** A P2 incident (high impact, medium urgency: 30 min response, 8 h resolution, 24x7) of the service. */
	Fixture p2(String service, LocalDateTime reported) {
		return report(service, reported, Level.HIGH, Level.MEDIUM, Channel.PORTAL, null);
	}

	/** A P1 incident (15 min response, 4 h resolution, 24x7). */
	Fixture p1(String service, LocalDateTime reported, Channel channel) {
		return report(service, reported, Level.HIGH, Level.HIGH, channel, null);
	}

	Fixture report(String service, LocalDateTime reported, Level impact, Level urgency, Channel channel,
			String configurationItem) {
		Instant at = local(reported);
		clock(at);
		String caller = channel == Channel.MONITORING ? "monitoring" : "rita";
		String number = reporting.report(new NewIncident("Reporting fixture " + service, "Made by a report test",
				caller, channel, service, configurationItem, IncidentType.SOFTWARE, impact, urgency)).getNumber();
		return new Fixture(number, at);
	}

}
