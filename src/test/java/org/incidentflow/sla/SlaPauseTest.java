package org.incidentflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentflow.incident.IncidentProcess.Vars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Messages;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.State;
import org.incidentflow.process.SlaTimers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pause accounting of the SLA clock on the real process: every pause is stored as an interval and moves the due dates
 * by the time it took in the calendar of the current priority (business hours Mon–Fri 08:00–18:00 Europe/Berlin in
 * the demo profile). Engine clock and explicitly executed timer jobs, no waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class SlaPauseTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired ProcessEngine engine;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired ManagementService managementService;
	SlaTimers timers;
	@Autowired IncidentReporting reporting;
	@Autowired IncidentRepository incidents;
	@Autowired ActivityRepository activity;
	@Autowired SlaPauseRepository pauses;

	@BeforeEach
	void setUp() {
		timers = new SlaTimers(managementService);
		BpmnAwareTests.init(engine);
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void businessHoursPauseOverAWeekendMovesDueDatesByTheWorkingTimeOnHold() {
		// P4: P3D in business hours from Friday 09:00 = Wednesday 09:00; warning at 75 % (22.5 h) = Tuesday 11:30
		at("2026-11-27T09:00");
		String number = report("Expense report upload fails", Level.MEDIUM, Level.LOW);
		ProcessInstance instance = instance(number);
		assertThat(record(number).getResolutionDueAt()).isEqualTo(berlin("2026-12-02T09:00"));

		at("2026-11-27T17:00");
		putOnHold(number, "awaiting_vendor");
		at("2026-11-30T09:00");
		complete(task(number, Tasks.ON_HOLD), Map.of());

		// 64 hours on hold by the wall clock, but only 17:00-18:00 Friday and 08:00-09:00 Monday were working time
		Incident record = record(number);
		assertThat(record.getPausedMillis()).isEqualTo(Duration.ofHours(64).toMillis());
		assertThat(record.getPausedSince()).isNull();
		assertThat(record.getResolutionDueAt()).isEqualTo(berlin("2026-12-02T11:00"));
		assertThat(variable(instance, Vars.RESOLUTION_DUE)).isEqualTo(date("2026-12-02T11:00"));
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate()).isEqualTo(date("2026-12-02T11:00"));
		assertThat(timers.timer(instance, "SlaResolutionWarning").getDuedate()).isEqualTo(date("2026-12-01T13:30"));
		assertThat(timers.timer(instance, "SlaResolutionBreach").isSuspended()).isFalse();

		// the interval is kept for audit
		assertThat(pauses.findByIncidentIdOrderByStartedAtAscIdAsc(record.getId())).singleElement()
			.satisfies(pause -> {
				assertThat(pause.getStartedAt()).isEqualTo(berlin("2026-11-27T17:00"));
				assertThat(pause.getEndedAt()).isEqualTo(berlin("2026-11-30T09:00"));
				assertThat(pause.getReason()).isEqualTo("awaiting_vendor");
			});

		// and the timers fire at the new dates
		at("2026-12-01T13:29");
		assertThat(timers.due(instance)).isEmpty();
		at("2026-12-01T13:30");
		timers.fireDue(instance);
		assertThat(eventsOf(number)).contains("SLA_WARNING").doesNotContain("SLA_BREACHED");
		at("2026-12-02T11:00");
		timers.fireDue(instance);
		assertThat(record(number).isResolutionBreached()).isTrue();
	}

	@Test
	void pauseEntirelyOutsideWorkingHoursMovesNothing() {
		at("2026-11-24T09:00");
		String number = report("Timesheet totals wrong", Level.MEDIUM, Level.LOW);
		ProcessInstance instance = instance(number);
		Instant due = record(number).getResolutionDueAt();
		Date warning = timers.timer(instance, "SlaResolutionWarning").getDuedate();
		assertThat(due).isEqualTo(berlin("2026-11-27T09:00"));

		at("2026-11-24T18:30");
		putOnHold(number, "awaiting_change");
		at("2026-11-25T07:30");
		complete(task(number, Tasks.ON_HOLD), Map.of());

		Incident record = record(number);
		assertThat(record.getPausedMillis()).isEqualTo(Duration.ofHours(13).toMillis());
		assertThat(record.getResolutionDueAt()).isEqualTo(due);
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate()).isEqualTo(Date.from(due));
		assertThat(timers.timer(instance, "SlaResolutionWarning").getDuedate()).isEqualTo(warning);
		assertThat(pauses.findByIncidentIdOrderByStartedAtAscIdAsc(record.getId())).hasSize(1);
	}

	@Test
	void twentyFourSevenPauseMovesDueDatesByTheWallClockTimeOnHold() {
		// P2: PT8H around the clock
		at("2026-11-27T09:00");
		String number = report("VPN gateway drops sessions", Level.HIGH, Level.MEDIUM);
		ProcessInstance instance = instance(number);
		assertThat(record(number).getResolutionDueAt()).isEqualTo(berlin("2026-11-27T17:00"));

		at("2026-11-27T16:00");
		putOnHold(number, "awaiting_vendor");
		at("2026-11-30T09:00");
		complete(task(number, Tasks.ON_HOLD), Map.of());

		Instant due = berlin("2026-11-27T17:00").plus(Duration.ofHours(65));
		assertThat(record(number).getResolutionDueAt()).isEqualTo(due);
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate()).isEqualTo(Date.from(due));
		assertThat(timers.timer(instance, "SlaResolutionWarning").getDuedate())
			.isEqualTo(Date.from(berlin("2026-11-27T15:00").plus(Duration.ofHours(65))));
	}

	@Test
	void reprioritisationMeasuresEveryPauseInTheNewCalendar() {
		// P3: P1D in business hours from Tuesday 09:00 = Wednesday 09:00
		at("2026-11-24T09:00");
		String number = report("Wiki search returns nothing", Level.MEDIUM, Level.MEDIUM);
		ProcessInstance instance = instance(number);
		assertThat(record(number).getPriority()).isEqualTo(3);
		assertThat(record(number).getResolutionDueAt()).isEqualTo(berlin("2026-11-25T09:00"));

		// Tuesday 12:00 to Wednesday 09:00: 21 hours, 7 of them working time
		at("2026-11-24T12:00");
		putOnHold(number, "awaiting_vendor");
		at("2026-11-25T09:00");
		complete(task(number, Tasks.ON_HOLD), Map.of());
		assertThat(record(number).getResolutionDueAt()).isEqualTo(berlin("2026-11-25T16:00"));

		// P2 is 24x7: PT8H from the report plus all 21 hours on hold
		complete(task(number, Tasks.INVESTIGATE), reclassify("high", "medium"));
		Incident p2 = record(number);
		assertThat(p2.getPriority()).isEqualTo(2);
		assertThat(p2.getResolutionDueAt()).isEqualTo(berlin("2026-11-25T14:00"));
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate()).isEqualTo(date("2026-11-25T14:00"));
		// warning: 6 h (75 %) + 21 h
		assertThat(timers.timer(instance, "SlaResolutionWarning").getDuedate()).isEqualTo(date("2026-11-25T12:00"));
		assertThat(variable(instance, SlaClock.SLA_CALENDAR)).isEqualTo(SlaCalendar.TWENTY_FOUR_SEVEN);

		// and back to P3: the same pause counts as 7 working hours again
		complete(task(number, Tasks.INVESTIGATE), reclassify("medium", "medium"));
		assertThat(record(number).getResolutionDueAt()).isEqualTo(berlin("2026-11-25T16:00"));
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate()).isEqualTo(date("2026-11-25T16:00"));
	}

	@Test
	void everyPauseIsStoredAndCancellationWhileOnHoldClosesIt() {
		at("2026-11-24T09:00");
		String number = report("Printer queue stuck", Level.MEDIUM, Level.LOW);
		ProcessInstance instance = instance(number);

		at("2026-11-24T10:00");
		putOnHold(number, "awaiting_vendor");
		at("2026-11-24T11:00");
		complete(task(number, Tasks.ON_HOLD), Map.of());
		at("2026-11-24T14:00");
		putOnHold(number, "awaiting_change");
		Incident onHold = record(number);
		assertThat(pauses.findByIncidentIdOrderByStartedAtAscIdAsc(onHold.getId()))
			.extracting(SlaPause::getStartedAt, SlaPause::getEndedAt, SlaPause::getReason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(berlin("2026-11-24T10:00"), berlin("2026-11-24T11:00"),
							"awaiting_vendor"),
					org.assertj.core.groups.Tuple.tuple(berlin("2026-11-24T14:00"), null, "awaiting_change"));

		at("2026-11-24T14:30");
		runtimeService.createMessageCorrelation(Messages.CANCELLATION_REQUESTED)
			.processInstanceBusinessKey(number)
			.setVariable(Vars.CANCEL_REASON, "Caller withdrew")
			.setVariable(Vars.CANCELED_BY, "rita")
			.correlate();

		Incident canceled = record(number);
		assertThat(canceled.getState()).isEqualTo(State.CANCELED);
		assertThat(canceled.getPausedMillis()).isEqualTo(Duration.ofMinutes(90).toMillis());
		// P3D from Tuesday 09:00 = Friday 09:00, plus 1.5 working hours on hold
		assertThat(canceled.getResolutionDueAt()).isEqualTo(berlin("2026-11-27T10:30"));
		assertThat(pauses.findByIncidentIdOrderByStartedAtAscIdAsc(canceled.getId()))
			.extracting(SlaPause::getEndedAt)
			.containsExactly(berlin("2026-11-24T11:00"), berlin("2026-11-24T14:30"));
		BpmnAwareTests.assertThat(instance).isEnded();
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** Reports a software incident and triages it as reported: the investigation starts right away. */
	String report(String title, Level impact, Level urgency) {
		String number = reporting.report(new NewIncident(title, "Reported in a test", "rita", Channel.PORTAL,
				"Expenses", null, IncidentType.SOFTWARE, impact, urgency)).getNumber();
		Map<String, Object> triage = new HashMap<>();
		triage.put(Vars.CLASSIFICATION, "incident");
		complete(task(number, Tasks.TRIAGE), triage);
		return number;
	}

	void putOnHold(String number, String reason) {
		complete(task(number, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				reason));
		assertThat(record(number).getState()).isEqualTo(State.ON_HOLD);
	}

	static Map<String, Object> reclassify(String impact, String urgency) {
		return Map.of(Vars.INVESTIGATION_OUTCOME, "reclassify", Vars.INCIDENT_TYPE, "software", Vars.SERVICE,
				"Intranet", Vars.IMPACT, impact, Vars.URGENCY, urgency);
	}

	static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	static Date date(String localDateTime) {
		return Date.from(berlin(localDateTime));
	}

	static void at(String localDateTime) {
		ClockUtil.setCurrentTime(date(localDateTime));
	}

	ProcessInstance instance(String number) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
	}

	Task task(String number, String key) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as("open task %s of %s", key, number).isNotNull();
		return task;
	}

	void complete(Task task, Map<String, Object> variables) {
		taskService.complete(task.getId(), variables);
	}

	Incident record(String number) {
		return incidents.findByNumber(number).orElseThrow();
	}

	List<String> eventsOf(String number) {
		return activity.findByIncidentIdOrderByAtAscIdAsc(record(number).getId()).stream().map(ActivityEntry::getEvent)
			.toList();
	}

	Object variable(ProcessInstance instance, String name) {
		return runtimeService.getVariable(instance.getId(), name);
	}


}
