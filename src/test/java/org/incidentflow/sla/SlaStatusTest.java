package org.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentflow.incident.IncidentProcess.Vars;
import static org.incidentflow.sla.SlaPauseTest.at;
import static org.incidentflow.sla.SlaPauseTest.berlin;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.process.SlaTimers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The task lists' SLA column ({@code slaStatus}) on the real process: set at every point where the answer changes and
 * cleared of an earlier warning or pause when it no longer holds. Engine clock, timers fired explicitly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SlaStatusTest {

	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired ManagementService managementService;
	@Autowired IncidentReporting reporting;

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
	}

	@Test
	void onTrackDueSoonOnHoldAndResolvedWithinTargetFollowTheClock() {
		// P4 in business hours: P3D from Tuesday 09:00 = Friday 09:00, resolution warning at 75 % = Thursday 11:30
		at("2026-11-24T09:00");
		String number = report("Timesheet totals wrong");
		ProcessInstance instance = instance(number);
		assertThat(status(instance)).isEqualTo(SlaStatus.ON_TRACK.label());

		at("2026-11-24T10:00");
		complete(number, Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_vendor"));
		assertThat(status(instance)).isEqualTo(SlaStatus.ON_HOLD.label());
		at("2026-11-24T11:00");
		complete(number, Tasks.ON_HOLD, Map.of());
		assertThat(status(instance)).isEqualTo(SlaStatus.ON_TRACK.label());

		// the hour on hold moved the warning to Thursday 12:30
		at("2026-11-26T12:30");
		new SlaTimers(managementService).fireDue(instance);
		assertThat(status(instance)).isEqualTo(SlaStatus.RESOLUTION_DUE_SOON.label());

		at("2026-11-26T13:00");
		complete(number, Tasks.INVESTIGATE, resolved());
		assertThat(status(instance)).isEqualTo(SlaStatus.RESOLVED_WITHIN_TARGET.label());

		// rejected: working again, still before the due date but past the warning
		complete(number, Tasks.CONFIRM_RESOLUTION, Map.of(Vars.RESOLUTION_ACCEPTED, false, Vars.REJECTION_REASON,
				"Still wrong"));
		assertThat(status(instance)).isEqualTo(SlaStatus.RESOLUTION_DUE_SOON.label());
	}

	@Test
	void aBreachStaysUntilResolutionAndTheResolutionIsMarkedLate() {
		at("2026-11-24T09:00");
		String number = report("Payroll export aborts");
		ProcessInstance instance = instance(number);

		at("2026-11-27T10:00");
		new SlaTimers(managementService).fireDue(instance);
		assertThat(status(instance)).isEqualTo(SlaStatus.RESOLUTION_BREACHED.label());

		complete(number, Tasks.INVESTIGATE, resolved());
		assertThat(status(instance)).isEqualTo(SlaStatus.RESOLVED_AFTER_TARGET.label());
	}

	@Test
	void theStatusIsWorkedOutFromTheRecordAlone() {
		Incident incident = new Incident("Printer offline", "rita", Channel.PORTAL, IncidentType.HARDWARE, Level.LOW,
				Level.LOW, berlin("2026-11-24T09:00"));
		Instant now = berlin("2026-11-24T12:00");
		assertThat(SlaStatus.of(incident, null, null, now)).as("no targets yet").isNull();

		incident.setResponseDueAt(berlin("2026-11-24T13:00"));
		incident.setResolutionDueAt(berlin("2026-11-25T09:00"));
		assertThat(SlaStatus.of(incident, berlin("2026-11-24T12:30"), berlin("2026-11-24T18:00"), now))
			.isEqualTo(SlaStatus.ON_TRACK);
		assertThat(SlaStatus.of(incident, berlin("2026-11-24T11:30"), berlin("2026-11-24T18:00"), now))
			.isEqualTo(SlaStatus.RESPONSE_DUE_SOON);
		// answered: the response warning is over
		incident.setFirstResponseAt(berlin("2026-11-24T11:45"));
		assertThat(SlaStatus.of(incident, berlin("2026-11-24T11:30"), berlin("2026-11-24T18:00"), now))
			.isEqualTo(SlaStatus.ON_TRACK);

		incident.setResponseBreached(true);
		assertThat(SlaStatus.of(incident, null, null, now)).isEqualTo(SlaStatus.RESPONSE_BREACHED);
		incident.setPausedSince(now);
		assertThat(SlaStatus.of(incident, null, null, now)).as("a breach outranks the pause")
			.isEqualTo(SlaStatus.RESPONSE_BREACHED);
		incident.setResponseBreached(false);
		assertThat(SlaStatus.of(incident, null, null, now)).isEqualTo(SlaStatus.ON_HOLD);

		// resolved after the due date even if the breach timer had not fired yet
		incident.setPausedSince(null);
		incident.setResolvedAt(berlin("2026-11-25T09:01"));
		assertThat(SlaStatus.of(incident, null, null, now)).isEqualTo(SlaStatus.RESOLVED_AFTER_TARGET);
	}

	String report(String title) {
		String number = reporting.report(new NewIncident(title, "Reported in a test", "rita", Channel.PORTAL,
				"Expenses", null, IncidentType.SOFTWARE, Level.MEDIUM, Level.LOW)).getNumber();
		complete(number, Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		return number;
	}

	static Map<String, Object> resolved() {
		return Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE, "permanent_fix", Vars.RESOLUTION_NOTES,
				"Corrected", Vars.WORKAROUND, "");
	}

	void complete(String number, String taskKey, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as("open task %s of %s", taskKey, number).isNotNull();
		taskService.complete(task.getId(), variables);
	}

	ProcessInstance instance(String number) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
	}

	String status(ProcessInstance instance) {
		return (String) runtimeService.getVariable(instance.getId(), Vars.SLA_STATUS);
	}

}
