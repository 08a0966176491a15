package org.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.incidentflow.incident.IncidentProcess.Vars;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Comment.Visibility;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentNotice.Audience;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.IncidentProcess.Messages;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.OnHoldReason;
import org.incidentflow.incident.RecordKind;
import org.incidentflow.incident.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code incident-management} on the real Spring context (delegates write the JPA record), with the
 * engine clock and explicitly executed timer jobs. Coverage is measured and enforced (≥ 95 %) by
 * {@link ProcessCoverageTestConfiguration}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@RecordApplicationEvents
class IncidentProcessTest {

	/** Tuesday 09:00 in the business-hours time zone: every target starts inside working time. */
	static final Instant TUESDAY_9 = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();

	/** Written by the audit listener for every changed field, not by the process. */
	static final List<String> AUDIT_EVENTS = List.of("FIELD_CHANGED", "STATE_CHANGED");

	@Autowired ProcessEngine engine;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired ManagementService managementService;
	SlaTimers timers;
	@Autowired IncidentReporting reporting;
	@Autowired IncidentComments comments;
	@Autowired IncidentRepository incidents;
	@Autowired ActivityRepository activity;
	@Autowired TransactionTemplate transaction;
	@Autowired ApplicationEvents events;

	@BeforeEach
	void setUp() {
		timers = new SlaTimers(managementService);
		BpmnAwareTests.init(engine);
		ClockUtil.setCurrentTime(Date.from(TUESDAY_9));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	// ------------------------------------------------------------------------------------------ main path

	@Test
	void reportedIncidentRunsToClosureWithReview() {
		Incident reported = report("VPN drops every few minutes", "VPN", IncidentType.SERVICE_DEGRADATION, Level.HIGH,
				Level.MEDIUM, Channel.PORTAL);
		String number = reported.getNumber();
		assertThat(number).matches("INC-\\d{6}");
		ProcessInstance instance = instance(number);
		BpmnAwareTests.assertThat(instance).isWaitingAt(Tasks.TRIAGE);

		Incident logged = record(number);
		assertThat(logged.getCategory()).isEqualTo("network");
		assertThat(logged.getAssignmentGroup()).isEqualTo("network-ops");
		assertThat(logged.getPriority()).isEqualTo(2);
		assertThat(logged.getResponseDueAt()).isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(30)));
		assertThat(logged.getResolutionDueAt()).isEqualTo(TUESDAY_9.plus(Duration.ofHours(8)));

		Task triage = task(number, Tasks.TRIAGE);
		assertThat(triage.getName()).isEqualTo("Triage " + number + ": VPN drops every few minutes (P2)");
		assertThat(triage.getPriority()).isEqualTo(80);
		assertThat(triage.getDueDate()).isEqualTo(Date.from(logged.getResponseDueAt()));
		assertThat(taskService.createTaskQuery().taskId(triage.getId()).taskCandidateGroup("service-desk").count())
			.isOne();

		taskService.claim(triage.getId(), "alice");
		assertThat(record(number).getAssignee()).isEqualTo("alice");
		advance(Duration.ofMinutes(10));
		complete(triage, triageAs("incident"));
		Incident triaged = record(number);
		assertThat(triaged.getState()).isEqualTo(State.IN_PROGRESS);
		assertThat(triaged.getFirstResponseAt()).isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(10)));

		Task investigate = task(number, Tasks.INVESTIGATE);
		assertThat(taskService.createTaskQuery().taskId(investigate.getId()).taskCandidateGroup("network-ops").count())
			.isOne();
		assertThat(investigate.getDueDate()).isEqualTo(Date.from(logged.getResolutionDueAt()));
		taskService.claim(investigate.getId(), "nick");
		advance(Duration.ofHours(2));
		complete(investigate, resolved("configuration_change", "VPN concentrator MTU corrected"));

		Incident resolved = record(number);
		assertThat(resolved.getState()).isEqualTo(State.RESOLVED);
		assertThat(resolved.getAssignee()).isEqualTo("nick");
		assertThat(resolved.getResolutionCode()).isEqualTo("configuration_change");
		assertThat(resolved.getResolvedAt()).isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(130)));
		assertThat(notices(number, Kind.RESOLVED)).extracting(IncidentNotice::audience).containsExactly("rita");

		Task confirm = task(number, Tasks.CONFIRM_RESOLUTION);
		assertThat(confirm.getAssignee()).isEqualTo("rita");
		complete(confirm, Map.of(Vars.RESOLUTION_ACCEPTED, true));

		Task review = task(number, Tasks.CLOSURE_REVIEW);
		assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup("incident-managers").count())
			.isOne();
		assertRejected(() -> complete(review, Map.of(Vars.CAUSE, "MTU mismatch")), "Steps taken is required.");
		advance(Duration.ofHours(1));
		complete(review, Map.of(Vars.CAUSE, "MTU mismatch after firmware update", Vars.STEPS_TAKEN,
				"MTU set back to 1400", Vars.PREVENTIVE_MEASURES, "Firmware updates go through change management",
				Vars.PROBLEM_REQUIRED, true));

		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("DecideClosureReview", "ClosureReview", "CloseIncident");
		Incident closed = record(number);
		assertThat(closed.getState()).isEqualTo(State.CLOSED);
		assertThat(closed.getClosedAt()).isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(190)));
		assertThat(closed.getCause()).isEqualTo("MTU mismatch after firmware update");
		assertThat(closed.getProblemRequired()).isTrue();
		// "problem record needed": the review raised a problem with the incident's facts and linked the incident
		BpmnAwareTests.assertThat(instance).hasPassed("RaiseProblemFromReview");
		assertThat(closed.getProblemNumber()).matches("PRB-\\d{6}");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(closed.getProblemNumber())
			.processDefinitionKey("problem-management").count()).isOne();
		assertThat(closed.isResponseBreached()).isFalse();
		assertThat(closed.isResolutionBreached()).isFalse();
		assertThat(eventsOf(number)).containsExactly("REPORTED", "CATEGORIZED", "PRIORITIZED", "TRIAGED", "RESOLVED",
				"CLOSED");
		assertThat(stateChangesOf(number)).containsExactly("new → in_progress", "in_progress → resolved",
				"resolved → closed");
		assertThat(detailOf(number, "CLOSED")).isEqualTo("Resolution confirmed by the caller after closure review");
	}

	@Test
	void tasklistStartFormCreatesTheRecord() {
		Map<String, Object> form = new HashMap<>(Map.of(Vars.TITLE, "Printer jams", Vars.CALLER, "rob",
				Vars.CHANNEL, "phone", Vars.SERVICE, "Printing", Vars.INCIDENT_TYPE, "hardware", Vars.IMPACT, "low",
				Vars.URGENCY, "low"));
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, form);
		String number = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getBusinessKey();
		Incident incident = record(number);
		assertThat(incident.getProcessInstanceId()).isEqualTo(instance.getId());
		assertThat(incident.getCategory()).isEqualTo("hardware");
		assertThat(incident.getPriority()).isEqualTo(5);
		// P5: P1D response in business hours = Wednesday 09:00
		assertThat(incident.getResponseDueAt()).isEqualTo(TUESDAY_9.plus(Duration.ofDays(1)));
		assertThat(runtimeService.getVariable(instance.getId(), Vars.INCIDENT_NUMBER)).isEqualTo(number);

		form.put(Vars.URGENCY, "urgent");
		assertRejected(() -> runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, form),
				"Urgency 'urgent' is not valid; choose one of: high, medium, low.");
		form.put(Vars.URGENCY, "low");
		form.remove(Vars.TITLE);
		assertRejected(() -> runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, form), "Title is required.");
	}

	// ------------------------------------------------------------------------------------------ triage

	@Test
	void triageAsServiceRequestLeavesOnTheFulfilmentPath() {
		String number = reportDefault("Need access to the sales share");
		complete(task(number, Tasks.TRIAGE), triageAs("service_request"));
		BpmnAwareTests.assertThat(instance(number)).isEnded().hasPassed("HandOverToFulfilment", "FulfilmentPath");
		Incident record = record(number);
		assertThat(record.getKind()).isEqualTo(RecordKind.SERVICE_REQUEST);
		assertThat(record.getState()).isEqualTo(State.CLOSED);
		assertThat(record.getResolutionCode()).isEqualTo("fulfilment");
		assertThat(record.getFirstResponseAt()).isNotNull();
		assertThat(record.getClosedAt()).isNotNull();
		assertThat(eventsOf(number)).endsWith("TRIAGED", "CLOSED");
	}

	@Test
	void triageAsNotAnIncidentCancelsWithReason() {
		String number = reportDefault("Question about holidays");
		Task triage = task(number, Tasks.TRIAGE);
		assertRejected(() -> complete(triage, triageAs("not_an_incident")), "Reason is required.");
		Map<String, Object> form = triageAs("not_an_incident");
		form.put(Vars.CANCEL_REASON, "HR question, not IT");
		complete(triage, form);
		BpmnAwareTests.assertThat(instance(number)).isEnded().hasPassed("CancelNotAnIncident");
		Incident record = record(number);
		assertThat(record.getState()).isEqualTo(State.CANCELED);
		assertThat(record.getCancelReason()).isEqualTo("HR question, not IT");
		assertThat(notices(number, Kind.CANCELED)).hasSize(1);
	}

	@Test
	void triageAsDuplicateLinksTheOriginal() {
		String original = reportDefault("Email down");
		String number = reportDefault("Cannot send email");
		Task triage = task(number, Tasks.TRIAGE);
		Map<String, Object> form = triageAs("duplicate");
		form.put(Vars.DUPLICATE_OF, "INC-999999");
		assertRejected(() -> complete(triage, form), "Duplicate of: incident INC-999999 does not exist.");
		form.put(Vars.DUPLICATE_OF, number);
		assertRejected(() -> complete(triage, form), "An incident cannot be a duplicate of itself.");
		form.put(Vars.DUPLICATE_OF, original.toLowerCase());
		complete(triage, form);

		BpmnAwareTests.assertThat(instance(number)).isEnded().hasPassed("CloseAsDuplicate", "CanceledAsDuplicate");
		transaction.executeWithoutResult(tx -> {
			Incident record = incidents.findByNumber(number).orElseThrow();
			assertThat(record.getState()).isEqualTo(State.CANCELED);
			assertThat(record.getDuplicateOf().getNumber()).isEqualTo(original);
			assertThat(record.getCancelReason()).isEqualTo("Duplicate of " + original);
		});
		assertThat(record(original).getState()).isEqualTo(State.NEW);
	}

	@Test
	void triageCorrectionReassessesCategoryPriorityAndSla() {
		String number = reportDefault("Slow laptop");
		assertThat(record(number).getPriority()).isEqualTo(4);
		Map<String, Object> form = triageAs("incident");
		form.put(Vars.SERVICE, "Email");
		form.put(Vars.IMPACT, "high");
		form.put(Vars.URGENCY, "high");
		advance(Duration.ofMinutes(5));
		complete(task(number, Tasks.TRIAGE), form);

		ProcessInstance instance = instance(number);
		BpmnAwareTests.assertThat(instance).hasPassed("FactsCorrected", "Categorize", "Prioritize", "DetermineSlaTargets")
			.isWaitingAt(Tasks.INVESTIGATE);
		Incident record = record(number);
		assertThat(record.getPriority()).isEqualTo(1);
		assertThat(record.getService()).isEqualTo("Email");
		assertThat(record.getImpact()).isEqualTo(Level.HIGH);
		assertThat(record.getAssignmentGroup()).isEqualTo("app-support");
		// P1: 4 h around the clock, counted from the report
		assertThat(record.getResolutionDueAt()).isEqualTo(TUESDAY_9.plus(Duration.ofHours(4)));
		assertThat(variable(instance, Vars.RESOLUTION_DUE)).isEqualTo(Date.from(TUESDAY_9.plus(Duration.ofHours(4))));
		assertThat(eventsOf(number)).containsSubsequence("TRIAGED", "CATEGORIZED", "PRIORITIZED");
		Task investigate = task(number, Tasks.INVESTIGATE);
		assertThat(investigate.getName()).endsWith("(P1)");
		assertThat(investigate.getPriority()).isEqualTo(100);
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate())
			.isEqualTo(Date.from(TUESDAY_9.plus(Duration.ofHours(4))));
	}

	// ------------------------------------------------------------------------------------------ investigation

	@Test
	void escalationChainWithNextLevelAndNamedGroup() {
		String number = reportDefault("Expense tool shows wrong totals");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		assertThat(record(number).getAssignmentGroup()).isEqualTo("service-desk");

		Task first = task(number, Tasks.INVESTIGATE);
		taskService.claim(first.getId(), "alice");
		assertRejected(() -> complete(first, Map.of(Vars.INVESTIGATION_OUTCOME, "escalate", Vars.ESCALATE_TO,
				"marketing")), "Escalate to: 'marketing' is not a support group; known: service-desk, network-ops, "
						+ "app-support, security-ops, incident-managers.");
		assertRejected(() -> complete(first, Map.of(Vars.INVESTIGATION_OUTCOME, "escalate")),
				"Handover note is required.");
		complete(first, Map.of(Vars.INVESTIGATION_OUTCOME, "escalate", Vars.HANDOVER_NOTE,
				"Totals wrong since the 3.2 update; cache cleared, no change."));
		Incident once = record(number);
		assertThat(once.getAssignmentGroup()).isEqualTo("app-support");
		assertThat(once.getAssignee()).isNull();

		Task second = task(number, Tasks.INVESTIGATE);
		assertThat(taskService.createTaskQuery().taskId(second.getId()).taskCandidateGroup("app-support").count()).isOne();
		assertThat(variable(instance(number), Vars.INVESTIGATION_OUTCOME)).isNull();
		complete(second, Map.of(Vars.INVESTIGATION_OUTCOME, "escalate", Vars.ESCALATE_TO, "network-ops",
				Vars.HANDOVER_NOTE, "The tool times out on the report database link."));

		Incident twice = record(number);
		assertThat(twice.getAssignmentGroup()).isEqualTo("network-ops");
		assertThat(twice.getEscalationChain()).isEqualTo("service-desk,app-support,network-ops");
		assertThat(eventsOf(number)).filteredOn("ESCALATED"::equals).hasSize(2);
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(twice.getId()))
			.filteredOn(entry -> "ESCALATED".equals(entry.getEvent()))
			.extracting(org.incidentflow.incident.ActivityEntry::getDetail)
			.containsExactly("Functional escalation from service-desk to app-support. Handover: Totals wrong since the "
					+ "3.2 update; cache cleared, no change.", "Functional escalation from app-support to network-ops. "
					+ "Handover: The tool times out on the report database link.");
		assertThat(variable(instance(number), Vars.HANDOVER_NOTE)).isNull();
		assertThat(notices(number, Kind.ESCALATED)).extracting(IncidentNotice::audience)
			.containsExactly("app-support", "network-ops");
		BpmnAwareTests.assertThat(instance(number)).hasPassed("FindNextSupportLevel", "EscalateToGroup");
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("network-ops")
			.count()).isOne();
	}

	@Test
	void noFurtherSupportLevelAsksForAGroup() {
		String number = report("Suspicious login alerts", "Directory", IncidentType.SECURITY, Level.MEDIUM,
				Level.MEDIUM, Channel.EMAIL).getNumber();
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		Task investigate = task(number, Tasks.INVESTIGATE);
		assertRejected(() -> complete(investigate, Map.of(Vars.INVESTIGATION_OUTCOME, "escalate",
				Vars.HANDOVER_NOTE, "Alerts from two countries within minutes.")),
				"There is no further support level after security-ops for this category: name the group to escalate to.");
		assertThat(task(number, Tasks.INVESTIGATE).getId()).isEqualTo(investigate.getId());
	}

	@Test
	void onHoldPausesTheSlaAndResumeShiftsDueDatesExactly() {
		String number = reportDefault("ERP invoices stuck");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		ProcessInstance instance = instance(number);
		Date warningBefore = timers.timer(instance, "SlaResolutionWarning").getDuedate();
		Date breachBefore = timers.timer(instance, "SlaResolutionBreach").getDuedate();
		Instant dueBefore = record(number).getResolutionDueAt();
		assertThat(breachBefore).isEqualTo(Date.from(dueBefore));

		advance(Duration.ofHours(1));
		complete(task(number, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_vendor"));
		Incident onHold = record(number);
		assertThat(onHold.getState()).isEqualTo(State.ON_HOLD);
		assertThat(onHold.getOnHoldReason()).isEqualTo(OnHoldReason.AWAITING_VENDOR);
		assertThat(onHold.getPausedSince()).isEqualTo(TUESDAY_9.plus(Duration.ofHours(1)));
		Task resume = task(number, Tasks.ON_HOLD);
		assertThat(resume.getName()).startsWith("Resume work " + number);

		// long past every due date: nothing may fire while on hold
		advance(Duration.ofDays(2).plusMinutes(17));
		assertThat(timers.due(instance)).isEmpty();
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().suspended().count())
			.isEqualTo(2);

		complete(resume, Map.of());
		Duration paused = Duration.ofDays(2).plusMinutes(17);
		Incident resumed = record(number);
		assertThat(resumed.getState()).isEqualTo(State.IN_PROGRESS);
		assertThat(resumed.getOnHoldReason()).isNull();
		assertThat(resumed.getPausedSince()).isNull();
		assertThat(resumed.getPausedMillis()).isEqualTo(paused.toMillis());
		// P4 counts business hours: only the 20 h 17 min of working time on hold move the due dates (Tue 10:00-18:00,
		// Wed 08:00-18:00, Thu 08:00-10:17), from Fri 27 Nov 09:00 to Tue 1 Dec 09:17 (see SlaPauseTest)
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		assertThat(dueBefore).isEqualTo(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, berlin).toInstant());
		Instant dueAfter = ZonedDateTime.of(2026, 12, 1, 9, 17, 0, 0, berlin).toInstant();
		assertThat(resumed.getResolutionDueAt()).isEqualTo(dueAfter);
		assertThat(warningBefore).isEqualTo(Date.from(ZonedDateTime.of(2026, 11, 26, 11, 30, 0, 0, berlin).toInstant()));
		assertThat(timers.timer(instance, "SlaResolutionWarning").getDuedate())
			.isEqualTo(Date.from(ZonedDateTime.of(2026, 11, 30, 11, 47, 0, 0, berlin).toInstant()));
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate()).isEqualTo(Date.from(dueAfter));
		assertThat(breachBefore).isEqualTo(Date.from(dueBefore));
		assertThat(variable(instance, Vars.RESOLUTION_DUE)).isEqualTo(Date.from(dueAfter));
		assertThat(timers.due(instance)).isEmpty();
		assertThat(eventsOf(number)).containsSubsequence("PUT_ON_HOLD", "RESUMED");
		BpmnAwareTests.assertThat(instance).isWaitingAt(Tasks.INVESTIGATE);

		// a second pause adds up, and a later reprioritisation keeps the paused time
		complete(task(number, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_change"));
		advance(Duration.ofMinutes(30));
		complete(task(number, Tasks.ON_HOLD), Map.of());
		Duration totalPaused = paused.plusMinutes(30);
		assertThat(record(number).getPausedMillis()).isEqualTo(totalPaused.toMillis());
		complete(task(number, Tasks.INVESTIGATE), reclassify("high", "high"));
		// P1: 4 h from the report, plus all the time on hold
		Instant newDue = TUESDAY_9.plus(Duration.ofHours(4)).plus(totalPaused);
		assertThat(record(number).getResolutionDueAt()).isEqualTo(newDue);
		assertThat(timers.timer(instance, "SlaResolutionBreach").getDuedate()).isEqualTo(Date.from(newDue));
	}

	@Test
	void callerUpdateResumesAnIncidentAwaitingTheCaller() {
		String number = reportDefault("CRM export fails");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		Task investigate = task(number, Tasks.INVESTIGATE);
		taskService.claim(investigate.getId(), "ann");
		assertRejected(() -> complete(investigate, Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold",
				Vars.ON_HOLD_REASON, "awaiting_caller")), "Comment to the caller is required.");
		complete(investigate, Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON, "awaiting_caller",
				Vars.ON_HOLD_COMMENT, "Which export format do you use?"));
		assertThat(eventsOf(number)).containsSubsequence("COMMENT_ADDED", "PUT_ON_HOLD");
		assertThat(variable(instance(number), Vars.ON_HOLD_COMMENT)).isNull();

		advance(Duration.ofMinutes(45));
		comments.add(record(number), "rita", Visibility.PUBLIC, "CSV, as always", "portal");

		ProcessInstance instance = instance(number);
		BpmnAwareTests.assertThat(instance).hasPassed("CallerUpdated", "ResumeWork").isWaitingAt(Tasks.INVESTIGATE);
		Incident record = record(number);
		assertThat(record.getState()).isEqualTo(State.IN_PROGRESS);
		assertThat(record.getPausedMillis()).isEqualTo(Duration.ofMinutes(45).toMillis());
		assertThat(notices(number, Kind.CALLER_UPDATED)).extracting(IncidentNotice::audience).containsExactly("ann");
	}

	@Test
	void alertsResolvedWhileOnHoldResolvesAndStopsThePause() {
		String number = report("Disk full on db-07", "Database", IncidentType.SERVICE_DEGRADATION, Level.MEDIUM,
				Level.HIGH, Channel.MONITORING).getNumber();
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		complete(task(number, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_vendor"));
		advance(Duration.ofMinutes(20));
		alertsResolved(number);

		ProcessInstance instance = instance(number);
		BpmnAwareTests.assertThat(instance).hasPassed("AlertsResolvedDuringWork", "RecordResolution")
			.hasNotPassed(Tasks.CONFIRM_RESOLUTION);
		Incident record = record(number);
		assertThat(record.getPausedSince()).isNull();
		assertThat(record.getPausedMillis()).isEqualTo(Duration.ofMinutes(20).toMillis());
		assertThat(record.getResolutionCode()).isEqualTo("alerts_resolved");
		// P2 gets a closure review even when monitoring resolved it
		complete(task(number, Tasks.CLOSURE_REVIEW), Map.of(Vars.CAUSE, "Log rotation off", Vars.STEPS_TAKEN,
				"Logs purged", Vars.PREVENTIVE_MEASURES, "Rotation on"));
		assertThat(record(number).getState()).isEqualTo(State.CLOSED);
		assertThat(detailOf(number, "CLOSED")).startsWith("Closed without confirmation (reported by monitoring)");
		assertThat(record(number).getProblemRequired()).isFalse();
	}

	@Test
	void alertsResolvedDuringTriageSkipsConfirmationForMonitoring() {
		String number = report("HTTP 5xx rate high on shop", "Web shop", IncidentType.SERVICE_DEGRADATION, Level.LOW,
				Level.LOW, Channel.MONITORING).getNumber();
		advance(Duration.ofMinutes(3));
		alertsResolved(number);
		ProcessInstance instance = instance(number);
		BpmnAwareTests.assertThat(instance).isEnded()
			.hasPassed("AlertsResolvedDuringTriage", "RecordResolution", "DecideClosureReview", "CloseIncident")
			.hasNotPassed(Tasks.CONFIRM_RESOLUTION, Tasks.CLOSURE_REVIEW);
		Incident record = record(number);
		assertThat(record.getState()).isEqualTo(State.CLOSED);
		assertThat(record.getFirstResponseAt()).isEqualTo(record.getResolvedAt());
		assertThat(record.getResolutionNotes()).isEqualTo("All alerts resolved");
	}

	// ------------------------------------------------------------------------------------------ SLA

	@Test
	void responseWarningAndBreachWhileUntriaged() {
		// P1, 24x7: response 15 min, warning at 75 % = 11 min 15 s
		String number = report("Shop down", "Web shop", IncidentType.SERVICE_OUTAGE, Level.HIGH, Level.HIGH,
				Channel.PHONE).getNumber();
		ProcessInstance instance = instance(number);
		assertThat(timers.timer(instance, "SlaResponseWarning").getDuedate())
			.isEqualTo(Date.from(TUESDAY_9.plus(Duration.ofSeconds(675))));
		advance(Duration.ofMinutes(11));
		assertThat(timers.due(instance)).isEmpty();
		advance(Duration.ofSeconds(15));
		timers.fireDue(instance);
		assertThat(eventsOf(number)).contains("SLA_WARNING").doesNotContain("SLA_BREACHED");
		assertThat(notices(number, Kind.SLA_WARNING)).singleElement()
			.satisfies(n -> assertThat(n.audience()).isEqualTo("service-desk"))
			.satisfies(n -> assertThat(n.audienceType()).isEqualTo(Audience.GROUP));

		advance(Duration.ofMinutes(4));
		timers.fireDue(instance);
		Incident record = record(number);
		assertThat(record.isResponseBreached()).isTrue();
		assertThat(record.isResolutionBreached()).isFalse();
		assertThat(notices(number, Kind.SLA_BREACHED)).extracting(IncidentNotice::audience)
			.containsExactly("incident-managers");
		BpmnAwareTests.assertThat(instance).hasPassed("WarnResponseDue", "EscalateResponseBreach")
			.isWaitingAt(Tasks.TRIAGE);
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId("SlaResponseBreach")
			.count()).isZero();
	}

	@Test
	void resolutionWarningAndBreachWhileWorked() {
		String number = reportDefault("Payroll run aborted");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		ProcessInstance instance = instance(number);
		Incident before = record(number);
		// P4 business hours: P3D resolution; warning at 75 %
		advance(Duration.between(TUESDAY_9, before.getResolutionDueAt()).minusHours(12));
		timers.fireDue(instance);
		assertThat(eventsOf(number)).contains("SLA_WARNING");
		assertThat(detailOf(number, "SLA_WARNING")).startsWith("Resolution target due at");
		assertThat(notices(number, Kind.SLA_WARNING)).extracting(IncidentNotice::audience).containsExactly("app-support");

		advance(Duration.ofHours(12));
		timers.fireDue(instance);
		Incident after = record(number);
		assertThat(after.isResolutionBreached()).isTrue();
		assertThat(eventsOf(number)).contains("SLA_BREACHED");
		BpmnAwareTests.assertThat(instance).hasPassed("WarnResolutionDue", "EscalateResolutionBreach")
			.isWaitingAt(Tasks.INVESTIGATE);

		// resolved late, rejected, worked again: the timers come back with past dates but warn and escalate only once
		complete(task(number, Tasks.INVESTIGATE), resolved("restart", "Job restarted"));
		complete(task(number, Tasks.CONFIRM_RESOLUTION), Map.of(Vars.RESOLUTION_ACCEPTED, false, Vars.REJECTION_REASON,
				"Still aborted"));
		timers.fireDue(instance);
		assertThat(eventsOf(number)).filteredOn(e -> e.startsWith("SLA_")).hasSize(2);
		assertThat(notices(number, Kind.SLA_BREACHED)).hasSize(1);
	}

	@Test
	void reclassificationReprioritisesAndReschedulesRunningTimers() {
		String number = reportDefault("Intranet slow");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		ProcessInstance instance = instance(number);
		assertThat(record(number).getPriority()).isEqualTo(4);
		Job breach = timers.timer(instance, "SlaResolutionBreach");

		advance(Duration.ofMinutes(20));
		assertRejected(() -> complete(task(number, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME,
				"reclassify", Vars.INCIDENT_TYPE, "outage")), "Incident type 'outage' is not valid; choose one of: "
						+ "service_degradation, service_outage, security, hardware, software.");
		complete(task(number, Tasks.INVESTIGATE), reclassify("high", "medium"));

		Incident record = record(number);
		assertThat(record.getPriority()).isEqualTo(2);
		Instant due = TUESDAY_9.plus(Duration.ofHours(8));
		assertThat(record.getResolutionDueAt()).isEqualTo(due);
		Job rescheduled = timers.timer(instance, "SlaResolutionBreach");
		assertThat(rescheduled.getId()).isEqualTo(breach.getId());
		assertThat(rescheduled.getDuedate()).isEqualTo(Date.from(due));
		assertThat(timers.timer(instance, "SlaResolutionWarning").getDuedate())
			.isEqualTo(Date.from(TUESDAY_9.plus(Duration.ofHours(6))));
		BpmnAwareTests.assertThat(instance).hasPassed("Recategorize", "Reprioritize", "RecomputeSlaTargets")
			.isWaitingAt(Tasks.INVESTIGATE);
		assertThat(task(number, Tasks.INVESTIGATE).getName()).endsWith("(P2)");

		advance(Duration.ofHours(6));
		timers.fireDue(instance);
		assertThat(eventsOf(number)).contains("SLA_WARNING").doesNotContain("SLA_BREACHED");
	}

	// ------------------------------------------------------------------------------------------ confirmation

	@Test
	void rejectedResolutionReopensForTheSameGroupThenClosesWithoutReview() {
		String number = reportDefault("Outlook keeps asking for password");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		complete(task(number, Tasks.INVESTIGATE), resolved("user_error", "Password re-entered"));
		Task confirm = task(number, Tasks.CONFIRM_RESOLUTION);
		assertRejected(() -> complete(confirm, Map.of(Vars.RESOLUTION_ACCEPTED, false)),
				"Why the service is not restored is required.");
		assertRejected(() -> complete(confirm, Map.of()), "Service restored must be answered (yes or no).");
		complete(confirm, Map.of(Vars.RESOLUTION_ACCEPTED, false, Vars.REJECTION_REASON, "It asks again after an hour"));

		Incident reopened = record(number);
		assertThat(reopened.getState()).isEqualTo(State.IN_PROGRESS);
		assertThat(reopened.getReopenCount()).isEqualTo(1);
		assertThat(reopened.getResolvedAt()).isNull();
		assertThat(detailOf(number, "REOPENED")).endsWith("It asks again after an hour");
		Task again = task(number, Tasks.INVESTIGATE);
		assertThat(taskService.createTaskQuery().taskId(again.getId()).taskCandidateGroup("app-support").count()).isOne();

		complete(again, resolved("permanent_fix", "Stale credential removed"));
		Task secondConfirm = task(number, Tasks.CONFIRM_RESOLUTION);
		assertThat(variable(instance(number), Vars.RESOLUTION_ACCEPTED)).isNull();
		complete(secondConfirm, Map.of(Vars.RESOLUTION_ACCEPTED, true));
		BpmnAwareTests.assertThat(instance(number)).isEnded().hasPassed("ReopenIncident", "CloseIncident")
			.hasNotPassed(Tasks.CLOSURE_REVIEW);
		assertThat(record(number).getState()).isEqualTo(State.CLOSED);
		assertThat(eventsOf(number)).containsSubsequence("RESOLVED", "REOPENED", "RESOLVED", "CLOSED");
	}

	@Test
	void unansweredConfirmationClosesAutomatically() {
		String number = reportDefault("Teams calls drop");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		complete(task(number, Tasks.INVESTIGATE), resolved("workaround", "Use the web client for now"));
		ProcessInstance instance = instance(number);
		Job timeout = managementService.createJobQuery().processInstanceId(instance.getId())
			.activityId("ConfirmationTimeout").singleResult();
		assertThat(timeout.getDuedate()).isEqualTo(Date.from(TUESDAY_9.plus(Duration.ofDays(3))));
		advance(Duration.ofDays(3));
		timers.fireDue(instance);
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("ConfirmationTimeout", "CloseIncident");
		assertThat(record(number).getState()).isEqualTo(State.CLOSED);
		assertThat(record(number).getWorkaround()).isEqualTo("Use the web client for now");
		assertThat(detailOf(number, "CLOSED")).isEqualTo("Closed automatically: no answer from the caller");
	}

	// ------------------------------------------------------------------------------------------ cancellation

	@Test
	void incidentsAwaitingAProblemResumeWhenItIsResolvedAndTheirCallersAreTold() {
		String first = reportDefault("Expense export times out");
		complete(task(first, Tasks.TRIAGE), triageAs("incident"));
		Task investigate = task(first, Tasks.INVESTIGATE);
		Map<String, Object> awaiting = new HashMap<>(Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold",
				Vars.ON_HOLD_REASON, "awaiting_problem", "problemNumber", "PRB-999999"));
		assertRejected(() -> complete(investigate, awaiting), "Problem: PRB-999999 does not exist.");
		// no problem named: Investigate raises one with the incident's facts
		awaiting.remove("problemNumber");
		complete(investigate, awaiting);
		Incident onHold = record(first);
		String problem = onHold.getProblemNumber();
		assertThat(problem).matches("PRB-\\d{6}");
		assertThat(onHold.getState()).isEqualTo(State.ON_HOLD);
		assertThat(onHold.getOnHoldReason()).isEqualTo(OnHoldReason.AWAITING_PROBLEM);
		BpmnAwareTests.assertThat(instance(first)).hasPassed("LinkAwaitedProblem", "PutOnHold").isWaitingAt(Tasks.ON_HOLD);

		String second = reportDefault("Expense export fails again");
		complete(task(second, Tasks.TRIAGE), triageAs("incident"));
		complete(task(second, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_problem", "problemNumber", problem.toLowerCase()));
		assertThat(record(second).getProblemNumber()).isEqualTo(problem);

		// the problem's lifecycle: root cause without a workaround, then the fix through a change
		advance(Duration.ofHours(3));
		complete(task(problem, "InvestigateRootCause"), Map.of("rootCause", "Export query without index"));
		assertThat(record(first).getState()).isEqualTo(State.ON_HOLD);
		complete(task(problem, "FixThroughChange"), Map.of("changeReference", "CHG-0100", "resolution",
				"Index added to the export table"));

		for (String number : List.of(first, second)) {
			BpmnAwareTests.assertThat(instance(number)).hasPassed("ProblemResolved", "ResumeWork")
				.isWaitingAt(Tasks.INVESTIGATE);
			Incident resumed = record(number);
			assertThat(resumed.getState()).isEqualTo(State.IN_PROGRESS);
			assertThat(resumed.getOnHoldReason()).isNull();
			assertThat(resumed.getProblemNumber()).isEqualTo(problem);
			assertThat(notices(number, Kind.PROBLEM_FIXED)).singleElement().satisfies(notice -> {
				assertThat(notice.audience()).isEqualTo("rita");
				assertThat(notice.detail()).contains(problem, "Index added to the export table");
			});
		}
		assertThat(record(first).getPausedMillis()).isEqualTo(Duration.ofHours(3).toMillis());
	}

	@Test
	void cancellationFromEveryStage() {
		String inTriage = reportDefault("Cancel in triage");
		cancel(inTriage);
		assertCanceled(inTriage);

		String inInvestigation = reportDefault("Cancel in investigation");
		complete(task(inInvestigation, Tasks.TRIAGE), triageAs("incident"));
		cancel(inInvestigation);
		assertCanceled(inInvestigation);

		String onHold = reportDefault("Cancel on hold");
		complete(task(onHold, Tasks.TRIAGE), triageAs("incident"));
		complete(task(onHold, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_problem"));
		advance(Duration.ofMinutes(10));
		cancel(onHold);
		assertCanceled(onHold);
		assertThat(record(onHold).getPausedSince()).isNull();
		assertThat(record(onHold).getOnHoldReason()).isNull();
		assertThat(record(onHold).getPausedMillis()).isEqualTo(Duration.ofMinutes(10).toMillis());

		String inConfirmation = reportDefault("Cancel in confirmation");
		complete(task(inConfirmation, Tasks.TRIAGE), triageAs("incident"));
		complete(task(inConfirmation, Tasks.INVESTIGATE), resolved("restart", "Restarted"));
		cancel(inConfirmation);
		assertCanceled(inConfirmation);
	}

	@Test
	void resolutionCodesAreTheOptionsOfTheDeployedInvestigateForm() throws Exception {
		String number = reportDefault("Resolution codes from the form");
		complete(task(number, Tasks.TRIAGE), triageAs("incident"));
		Task investigate = task(number, Tasks.INVESTIGATE);
		assertRejected(() -> complete(investigate, resolved("vendor_fix", "Vendor patched it")),
				"Resolution code 'vendor_fix' is not valid; choose one of: permanent_fix, workaround, restart, "
						+ "configuration_change, hardware_replaced, no_fault_found, user_error.");

		// a process owner adds an option to the form and redeploys it: the server accepts it, no Java change
		String form = new String(getClass().getResourceAsStream("/forms/investigate.form").readAllBytes(),
				StandardCharsets.UTF_8);
		String extended = form.replace("\"value\": \"permanent_fix\"",
				"\"value\": \"permanent_fix\"\n        },\n        {\n          \"label\": \"Vendor fix\",\n"
						+ "          \"value\": \"vendor_fix\"");
		assertThat(extended).isNotEqualTo(form);
		String deployment = engine.getRepositoryService().createDeployment().name("investigate-form with vendor_fix")
			.addString("investigate.form", extended).deploy().getId();
		try {
			complete(task(number, Tasks.INVESTIGATE), resolved("vendor_fix", "Vendor patched it"));
			assertThat(record(number).getState()).isEqualTo(State.RESOLVED);
			assertThat(record(number).getResolutionCode()).isEqualTo("vendor_fix");
		}
		finally {
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	// ------------------------------------------------------------------------------------------ helpers

	/**
	 * The submission was refused with the given message, and nothing happened. Task listener failures reach the
	 * caller wrapped by the engine (ENGINE-03051 ... Message: '...'), delegate and start listener failures as they are.
	 */
	static void assertRejected(ThrowingCallable submission, String message) {
		assertThatThrownBy(submission).hasMessageContaining(message).satisfies(e -> {
			Throwable cause = e;
			while (cause != null && !(cause instanceof InvalidSubmissionException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("InvalidSubmissionException in the causes").isNotNull();
			assertThat(cause.getMessage()).isEqualTo(message);
		});
	}

	Incident report(String title, String service, IncidentType type, Level impact, Level urgency, Channel channel) {
		String caller = channel == Channel.MONITORING ? "monitoring" : "rita";
		return reporting.report(new NewIncident(title, "Reported in a test", caller, channel, service, null, type,
				impact, urgency));
	}

	/** A P4 (medium impact, low urgency) software incident: business-hours SLA. */
	String reportDefault(String title) {
		return report(title, "Expenses", IncidentType.SOFTWARE, Level.MEDIUM, Level.LOW, Channel.PORTAL).getNumber();
	}

	ProcessInstance instance(String number) {
		ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
			.singleResult();
		if (running != null) {
			return running;
		}
		return new EndedInstance(engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(number).singleResult().getId(), number);
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

	Map<String, Object> triageAs(String classification) {
		// what the form submits when the agent confirms the reported facts
		Map<String, Object> form = new HashMap<>();
		form.put(Vars.CLASSIFICATION, classification);
		return form;
	}

	Map<String, Object> reclassify(String impact, String urgency) {
		return Map.of(Vars.INVESTIGATION_OUTCOME, "reclassify", Vars.INCIDENT_TYPE, "software", Vars.SERVICE,
				"Intranet", Vars.IMPACT, impact, Vars.URGENCY, urgency);
	}

	static Map<String, Object> resolved(String code, String notes) {
		return Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE, code, Vars.RESOLUTION_NOTES, notes,
				Vars.WORKAROUND, code.equals("workaround") ? notes : "");
	}

	void alertsResolved(String number) {
		runtimeService.createMessageCorrelation(Messages.ALERTS_RESOLVED)
			.processInstanceBusinessKey(number)
			.setVariable(Vars.RESOLUTION_CODE, "alerts_resolved")
			.setVariable(Vars.RESOLUTION_NOTES, "All alerts resolved")
			.correlate();
	}

	void cancel(String number) {
		runtimeService.createMessageCorrelation(Messages.CANCELLATION_REQUESTED)
			.processInstanceBusinessKey(number)
			.setVariable(Vars.CANCEL_REASON, "Caller withdrew: " + number)
			.setVariable(Vars.CANCELED_BY, "rita")
			.correlate();
	}

	void assertCanceled(String number) {
		BpmnAwareTests.assertThat(instance(number)).isEnded().hasPassed("CancelIncident", "IncidentCanceled");
		Incident record = record(number);
		assertThat(record.getState()).isEqualTo(State.CANCELED);
		assertThat(record.getCancelReason()).isEqualTo("Caller withdrew: " + number);
		assertThat(detailOf(number, "CANCELED")).isEqualTo("Canceled by rita: Caller withdrew: " + number);
		assertThat(managementService.createJobQuery().processInstanceId(record.getProcessInstanceId()).count()).isZero();
	}

	Incident record(String number) {
		return incidents.findByNumber(number).orElseThrow();
	}

	/**
	 * The lifecycle events the process writes, in order. The generic audit rows (FIELD_CHANGED, STATE_CHANGED) that
	 * the audit listener adds for every changed field are left out here; {@link #stateChangesOf} checks them.
	 */
	List<String> eventsOf(String number) {
		return activity.findByIncidentIdOrderByAtAscIdAsc(record(number).getId()).stream().map(ActivityEntry::getEvent)
			.filter(event -> !AUDIT_EVENTS.contains(event))
			.toList();
	}

	/** The audit trail's state changes, as "old → new". */
	List<String> stateChangesOf(String number) {
		return activity.findByIncidentIdOrderByAtAscIdAsc(record(number).getId()).stream()
			.filter(e -> e.getEvent().equals("STATE_CHANGED"))
			.map(e -> e.getOldValue() + " → " + e.getNewValue())
			.toList();
	}

	String detailOf(String number, String event) {
		return activity.findByIncidentIdOrderByAtAscIdAsc(record(number).getId()).stream()
			.filter(e -> e.getEvent().equals(event)).reduce((first, last) -> last).orElseThrow().getDetail();
	}

	List<IncidentNotice> notices(String number, Kind kind) {
		return events.stream(IncidentNotice.class).filter(n -> n.incidentNumber().equals(number) && n.kind() == kind)
			.toList();
	}

	Object variable(ProcessInstance instance, String name) {
		return runtimeService.getVariable(instance.getId(), name);
	}


	static void advance(Duration duration) {
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
	}

	/** Lets BPM Assert check the history of an instance that already ended. */
	record EndedInstance(String getId, String getBusinessKey) implements ProcessInstance {
		@Override public String getProcessInstanceId() { return getId; }
		@Override public String getProcessDefinitionId() { return null; }
		@Override public String getProcessDefinitionKey() { return IncidentProcess.KEY; }
		@Override public String getRootProcessInstanceId() { return getId; }
		@Override public String getCaseInstanceId() { return null; }
		@Override public boolean isSuspended() { return false; }
		@Override public boolean isEnded() { return true; }
		@Override public String getTenantId() { return null; }
	}

}
