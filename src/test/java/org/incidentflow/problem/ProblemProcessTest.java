package org.incidentflow.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.knowledge.KnownErrorRegister;
import org.incidentflow.knowledge.KnownErrorRegister.KnownErrorDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of {@code problem-management} and {@code problem-proposal} on the real Spring context (delegates write
 * the JPA records), each way a problem is raised, and one proposal per cluster with parallel incidents. The known-error
 * database is {@link RecordingKnownErrorRegister} while the knowledge package provides none. The process coverage
 * gate of the shared context excludes the problem models (so that IncidentProcessTest's gate measures
 * incident-management alone); both models are gated at 100 % by {@link ProblemManagementModelTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class ProblemProcessTest {

	static final Instant MONDAY_10 = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();

	@Autowired KnownErrorRegister knownErrors;

	@Autowired ProcessEngine engine;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired ManagementService managementService;
	@Autowired IdentityService identityService;
	@Autowired ProblemManagement problems;
	@Autowired ProblemRepository problemRecords;
	@Autowired ProblemProposalRepository proposals;
	@Autowired IncidentReporting reporting;
	@Autowired IncidentRepository incidents;
	@Autowired TransactionTemplate transaction;
	@Autowired org.incidentflow.identity.GroupAuthorizations groupAuthorizations;
	@Autowired DemoProblems demoProblems;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		ClockUtil.setCurrentTime(Date.from(MONDAY_10));
	}

	@AfterEach
	void tearDown() {
		identityService.clearAuthentication();
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	// ------------------------------------------------------------------------------------------ lifecycle

	@Test
	void problemWithWorkaroundPublishesAKnownErrorIsFixedThroughAChangeAndClosedAfterReview() {
		// the calls themselves are checked with the recording double; with the knowledge package's register the
		// record's known-error number shows the call
		RecordingKnownErrorRegister register = knownErrors instanceof RecordingKnownErrorRegister recording ? recording
				: null;
		Problem raised = problems.raise(new NewProblem("VPN drops under load", "Sessions drop at 9:00", "VPN",
				"vpn-gw-01", "network-ops"), ProblemOrigin.API);
		String number = raised.getNumber();
		assertThat(number).matches("PRB-\\d{6}");
		ProcessInstance instance = instance(number);
		assertThat(record(number).getState()).isEqualTo(ProblemState.INVESTIGATING);

		Task investigate = task(number, ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE);
		assertThat(investigate.getName()).isEqualTo("Investigate root cause of " + number + ": VPN drops under load");
		assertThat(taskService.createTaskQuery().taskId(investigate.getId()).taskCandidateGroup("problem-managers").count()).isOne();
		assertThat(taskService.createTaskQuery().taskId(investigate.getId()).taskCandidateGroup("network-ops").count()).isOne();
		assertRejected(() -> complete(investigate, Map.of("rootCause", "x".repeat(10_001))),
				"Root cause is too long (at most 10000 characters).");
		// a problem manager works the task in Tasklist: authorizations of the problem-managers group apply
		identityService.setAuthentication("pam", List.of("problem-managers"));
		complete(investigate, Map.of("rootCause", "Concentrator licence allows 200 sessions", "workaround",
				"Reconnect; use the backup gateway vpn2.example.com", "errorCode", "VPN-809"));
		identityService.clearAuthentication();

		if (register != null) assertThat(register.recorded).filteredOn(d -> d.problemNumber().equals(number)).containsExactly(new KnownErrorDraft(number, "VPN drops under load", "Sessions drop at 9:00",
				"Concentrator licence allows 200 sessions", "Reconnect; use the backup gateway vpn2.example.com",
				"VPN-809", "VPN", "vpn-gw-01"));
		Problem knownError = record(number);
		assertThat(knownError.getState()).isEqualTo(ProblemState.KNOWN_ERROR);
		assertThat(knownError.getKnownErrorNumber()).matches("KE-\\d{6}");

		Task fix = task(number, ProblemProcess.Tasks.FIX_THROUGH_CHANGE);
		assertRejected(() -> complete(fix, Map.of("resolution", "Licence upgraded")), "Change reference is required.");
		advance(Duration.ofDays(2));
		complete(fix, Map.of("changeReference", "CHG-0042", "resolution", "Licence upgraded to 1000 sessions"));
		if (register != null) {
			assertThat(register.retired).contains(number + ": Licence upgraded to 1000 sessions");
		}
		Problem resolved = record(number);
		assertThat(resolved.getState()).isEqualTo(ProblemState.RESOLVED);
		assertThat(resolved.getResolvedAt()).isEqualTo(MONDAY_10.plus(Duration.ofDays(2)));

		Task review = task(number, ProblemProcess.Tasks.REVIEW_PROBLEM);
		assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup("problem-managers").count()).isOne();
		assertRejected(() -> complete(review, Map.of("fixConfirmed", false)), "Review notes is required.");
		complete(review, Map.of("fixConfirmed", false, "reviewNotes", "Still drops for Wi-Fi users"));
		assertThat(record(number).getState()).isEqualTo(ProblemState.KNOWN_ERROR);
		// the known error is published again while the fix is redone (idempotent per problem in the register)
		if (register != null) {
			assertThat(register.recorded).filteredOn(d -> d.problemNumber().equals(number)).hasSize(2);
		}

		complete(task(number, ProblemProcess.Tasks.FIX_THROUGH_CHANGE), Map.of("changeReference", "CHG-0043",
				"resolution", "Wi-Fi profile MTU corrected"));
		complete(task(number, ProblemProcess.Tasks.REVIEW_PROBLEM), Map.of("fixConfirmed", true));

		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("RecordKnownError", "ReopenProblemFix", "CloseProblem");
		Problem closed = record(number);
		assertThat(closed.getState()).isEqualTo(ProblemState.CLOSED);
		assertThat(closed.getChangeReference()).isEqualTo("CHG-0043");
		assertThat(events(closed)).containsExactly("LOGGED", "INVESTIGATION_STARTED", "ROOT_CAUSE_IDENTIFIED",
				"KNOWN_ERROR_RECORDED", "RESOLVED", "FIX_REJECTED", "RESOLVED", "CLOSED");
		// the field-level trail, written by the same audit as incidents
		List<ProblemActivity> trail = problems.activity(closed);
		assertThat(trail).filteredOn(a -> "STATE_CHANGED".equals(a.getEvent()))
			.extracting(a -> a.getOldValue() + " → " + a.getNewValue())
			.containsExactly("new → investigating", "investigating → known_error", "known_error → resolved",
					"resolved → known_error", "known_error → resolved", "resolved → closed");
		assertThat(trail).filteredOn(a -> "FIELD_CHANGED".equals(a.getEvent()) && "changeReference".equals(a.getField()))
			.extracting(ProblemActivity::getOldValue, ProblemActivity::getNewValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, "CHG-0042"),
					org.assertj.core.groups.Tuple.tuple("CHG-0042", "CHG-0043"));
		assertThat(trail).filteredOn(a -> "FIELD_CHANGED".equals(a.getEvent()) && "rootCause".equals(a.getField()))
			.singleElement().satisfies(a -> assertThat(a.getActor()).isEqualTo("pam"));
	}

	// ------------------------------------------------------------------------------------------ access

	@Test
	void problemTasksGoToProblemManagersAndTheOwnerGroupOnly() {
		String number = problems.raise(new NewProblem("Login page slow", null, "Portal", null, "app-support"),
				ProblemOrigin.API).getNumber();
		Task investigate = task(number, ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE);
		Map<String, Object> rootCause = Map.of("rootCause", "Session store on a full disk");

		// alice (service-desk) and nick (network-ops) are agents, but neither problem managers nor the owner group
		for (var outsider : List.of(List.of("alice", "service-desk"), List.of("nick", "network-ops"))) {
			identityService.setAuthentication(outsider.get(0), List.of(outsider.get(1)));
			assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
			assertThatThrownBy(() -> complete(investigate, rootCause))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
			// not startable from Tasklist: the product starts problems (API, closure review, Investigate, detection)
			assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ProblemProcess.KEY))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
			identityService.clearAuthentication();
		}
		identityService.setAuthentication("pam", List.of("problem-managers"));
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isOne();
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ProblemProcess.PROPOSAL_KEY))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		identityService.clearAuthentication();

		// the owner group works its own problem through the per-task row of its candidate group
		identityService.setAuthentication("ann", List.of("app-support"));
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isOne();
		complete(investigate, rootCause);
		// the closure review is the problem managers' alone
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).list())
			.extracting(Task::getTaskDefinitionKey).containsExactly(ProblemProcess.Tasks.FIX_THROUGH_CHANGE);
		identityService.clearAuthentication();
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey(ProblemProcess.KEY).latestVersion().singleResult().isStartableInTasklist()).isFalse();
	}

	@Test
	void startUpWithdrawsTheWideProblemGrantsOfEarlierVersions() {
		var authorizations = engine.getAuthorizationService();
		var grants = new org.incidentflow.identity.AuthorizationGrants(authorizations);
		grants.grantGroup("service-desk", org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
				ProblemProcess.KEY, org.camunda.bpm.engine.authorization.Permissions.READ_TASK,
				org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);
		grants.grantGroup("problem-managers", org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
				ProblemProcess.KEY, org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE);

		groupAuthorizations.ensureGroupsAndGrants();
		groupAuthorizations.ensureGroupsAndGrants();

		assertThat(authorizations.createAuthorizationQuery().groupIdIn("service-desk")
			.resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
			.resourceId(ProblemProcess.KEY).count()).isZero();
		var managers = authorizations.createAuthorizationQuery().groupIdIn("problem-managers")
			.resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
			.resourceId(ProblemProcess.KEY).singleResult();
		assertThat(managers.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.TASK_WORK)).isTrue();
		assertThat(managers.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE)).isFalse();
	}

	@Test
	void theDemoProblemsWentThroughTheirLifecycleAndAreSeededOnce() throws Exception {
		List<String> titles = new ArrayList<>();
		try (var in = getClass().getResourceAsStream("/problem/demo-problems.json")) {
			new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("problems")
				.forEach(p -> titles.add(p.get("title").asText()));
		}
		List<Problem> demo = problemRecords.findAll().stream().filter(p -> titles.contains(p.getTitle()))
			.filter(p -> p.getOrigin() == ProblemOrigin.API && p.getRootCause() != null).toList();
		assertThat(demo).extracting(Problem::getTitle).containsAll(titles);
		// each waits at its fix, its known error recorded by the Record known error step
		for (Problem problem : demo) {
			assertThat(problem.getKnownErrorNumber()).as(problem.getNumber()).matches("KE-\\d{6}");
			BpmnAwareTests.assertThat(instance(problem.getNumber())).hasPassed("RecordKnownError")
				.isWaitingAt(ProblemProcess.Tasks.FIX_THROUGH_CHANGE);
		}
		long before = problemRecords.count();
		demoProblems.seed();
		assertThat(problemRecords.count()).isEqualTo(before);
	}

	@Test
	void problemWithoutWorkaroundRecordsNoKnownError() {
		String number = problems.raise(new NewProblem("Printer spooler crashes", null, "Printing", null, null),
				ProblemOrigin.API).getNumber();
		assertThat(record(number).getOwnerGroup()).isEqualTo("problem-managers");
		complete(task(number, ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE), Map.of("rootCause", "Driver leak"));
		assertThat(record(number).getState()).isEqualTo(ProblemState.FIX_IN_PROGRESS);
		complete(task(number, ProblemProcess.Tasks.FIX_THROUGH_CHANGE), Map.of("changeReference", "CHG-7",
				"resolution", "Driver 4.2 rolled out"));
		complete(task(number, ProblemProcess.Tasks.REVIEW_PROBLEM), Map.of("fixConfirmed", true, "reviewNotes", "Quiet for a month"));
		BpmnAwareTests.assertThat(instance(number)).isEnded().hasNotPassed("RecordKnownError");
		assertThat(record(number).getState()).isEqualTo(ProblemState.CLOSED);
		assertThat(record(number).getKnownErrorNumber()).isNull();
		if (knownErrors instanceof RecordingKnownErrorRegister register) {
			assertThat(register.recorded).noneMatch(d -> d.problemNumber().equals(number));
			assertThat(register.retired).noneMatch(r -> r.startsWith(number));
		}
	}

	@Test
	void closureReviewLinksTheIncidentToTheProblemChosenInTheForm() {
		String problem = problems.raise(new NewProblem("Mail queue stalls", null, "Email", null, "app-support"),
				ProblemOrigin.API).getNumber();
		String incident = reviewed("Mail stuck in outbox");
		Task review = incidentTask(incident, Tasks.CLOSURE_REVIEW);
		Map<String, Object> form = new HashMap<>(Map.of(Vars.CAUSE, "Queue stalled", Vars.STEPS_TAKEN, "Restarted",
				Vars.PREVENTIVE_MEASURES, "Problem record", Vars.PROBLEM_REQUIRED, true, "problemNumber", "PRB-999999"));
		assertRejected(() -> complete(review, form), "Problem: PRB-999999 does not exist.");
		form.put("problemNumber", problem.toLowerCase());
		complete(review, form);
		assertThat(incidents.findByNumber(incident).orElseThrow().getProblemNumber()).isEqualTo(problem);
		assertThat(problems.linkedIncidents(record(problem))).extracting(Incident::getNumber).containsExactly(incident);
		assertThat(events(record(problem))).containsExactly("LOGGED", "INVESTIGATION_STARTED", "INCIDENT_LINKED");
	}

	// ------------------------------------------------------------------------------------------ detection

	@Test
	void parallelIncidentsOfOneClusterGetExactlyOneProposalWhichRaisesTheProblem() throws Exception {
		String service = "Detect-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			numbers.add(report("Login fails " + i, service));
		}
		assertThat(proposalJobs(service)).isEmpty();
		// the fifth and sixth incident arrive before any proposal is registered: both start a proposal
		numbers.add(report("Login fails 4", service));
		numbers.add(report("Login fails 5", service));
		List<Job> jobs = proposalJobs(service);
		assertThat(jobs).hasSize(2);

		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Future<?>> runs = new ArrayList<>();
		for (Job job : jobs) {
			runs.add(threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				try {
					managementService.executeJob(job.getId());
				}
				catch (RuntimeException refusedByTheUniqueKey) {
					// the job stays with one retry less and runs again
				}
				return null;
			}));
		}
		for (Future<?> run : runs) {
			run.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();
		for (Job retry : proposalJobs(service)) {
			managementService.executeJob(retry.getId());
		}
		String key = "service:" + service.toLowerCase();
		assertThat(proposals.findByClusterKeyOrderByIdAsc(key)).hasSize(1);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProblemProcess.PROPOSAL_KEY)
			.processInstanceBusinessKey(key).count()).isOne();
		Task review = taskService.createTaskQuery().processInstanceBusinessKey(key)
			.taskDefinitionKey(ProblemProcess.Tasks.REVIEW_PROPOSAL).singleResult();
		assertThat(review.getName()).isEqualTo("Problem proposed: 5 or more incidents on one service within 7 days, none linked to a problem");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup("problem-managers").count()).isOne();
		String list = (String) taskService.getVariable(review.getId(), ProblemProcess.Vars.INCIDENT_LIST);
		assertThat(list).contains(numbers.toArray(String[]::new));
		assertThat(proposals.findByClusterKeyOrderByIdAsc(key).get(0).getIncidentNumbers().split(",")).containsExactlyElementsOf(numbers);

		complete(review, Map.of(ProblemProcess.Vars.PROPOSAL_ACCEPTED, true, ProblemProcess.Vars.OWNER_GROUP, "app-support"));
		ProblemProposal accepted = proposals.findByClusterKeyOrderByIdAsc(key).get(0);
		assertThat(accepted.getState()).isEqualTo(ProblemProposal.Status.ACCEPTED);
		Problem problem = record(accepted.getProblemNumber());
		assertThat(problem.getOrigin()).isEqualTo(ProblemOrigin.DETECTION);
		assertThat(problem.getOwnerGroup()).isEqualTo("app-support");
		assertThat(problem.getService()).isEqualTo(service);
		assertThat(problems.linkedIncidents(problem)).extracting(Incident::getNumber).containsExactlyInAnyOrderElementsOf(numbers);

		// the cluster's incidents all have their problem now: a seventh proposes nothing
		report("Login fails 6", service);
		assertThat(proposalJobs(service)).isEmpty();
	}

	@Test
	void aDismissedProposalKeepsItsClusterQuietForTheWindow() {
		String service = "Quiet-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			report("Slow reports " + i, service);
		}
		Job job = proposalJobs(service).get(0);
		managementService.executeJob(job.getId());
		String key = "service:" + service.toLowerCase();
		Task review = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
		assertRejected(() -> complete(review, Map.of(ProblemProcess.Vars.PROPOSAL_ACCEPTED, false)), "Why not is required.");
		complete(review, Map.of(ProblemProcess.Vars.PROPOSAL_ACCEPTED, false, ProblemProcess.Vars.DISMISS_REASON,
				"Five different users, five different causes"));
		ProblemProposal dismissed = proposals.findByClusterKeyOrderByIdAsc(key).get(0);
		assertThat(dismissed.getState()).isEqualTo(ProblemProposal.Status.DISMISSED);
		BpmnAwareTests.assertThat(historic(key)).isEnded().hasPassed("DismissProposal");

		report("Slow reports 5", service);
		assertThat(proposalJobs(service)).isEmpty();
		advance(Duration.ofDays(8));
		for (int i = 0; i < 5; i++) {
			report("Slow reports again " + i, service);
		}
		assertThat(proposalJobs(service)).hasSize(1);
	}

	@Test
	void anOpenProposalMakesALaterStartEndWithoutASecondTask() {
		String service = "Twice-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			report("VPN token rejected " + i, service);
		}
		managementService.executeJob(proposalJobs(service).get(0).getId());
		String key = "service:" + service.toLowerCase();
		// a node that counted before this proposal was registered starts another one
		ProcessInstance late = runtimeService.startProcessInstanceByKey(ProblemProcess.PROPOSAL_KEY, key,
				Map.of("clusterKey", key, "scope", "service", "scopeValue", service, "windowDays", 7, "threshold", 5,
						ProblemProcess.Vars.RULE, "late"));
		managementService.executeJob(managementService.createJobQuery().processInstanceId(late.getId()).singleResult().getId());
		BpmnAwareTests.assertThat(late).isEnded().hasPassed("ProposalExists").hasNotPassed(ProblemProcess.Tasks.REVIEW_PROPOSAL);
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).count()).isOne();
	}

	// ------------------------------------------------------------------------------------------ helpers

	String report(String title, String service) {
		return reporting.report(new NewIncident(title, "Reported in a test", "rita", Channel.PORTAL, service, null,
				IncidentType.SOFTWARE, Level.LOW, Level.LOW)).getNumber();
	}

	/** An incident at its closure review (P2: reviewed). */
	String reviewed(String title) {
		String number = reporting.report(new NewIncident(title, "Reported in a test", "rita", Channel.PORTAL,
				"Email", null, IncidentType.SERVICE_OUTAGE, Level.HIGH, Level.MEDIUM)).getNumber();
		complete(incidentTask(number, Tasks.TRIAGE), new HashMap<>(Map.of(Vars.CLASSIFICATION, "incident")));
		complete(incidentTask(number, Tasks.INVESTIGATE), Map.of(Vars.INVESTIGATION_OUTCOME, "resolved",
				Vars.RESOLUTION_CODE, "restart", Vars.RESOLUTION_NOTES, "Restarted", Vars.WORKAROUND, ""));
		complete(incidentTask(number, Tasks.CONFIRM_RESOLUTION), Map.of(Vars.RESOLUTION_ACCEPTED, true));
		return number;
	}

	List<Job> proposalJobs(String service) {
		return managementService.createJobQuery().processDefinitionKey(ProblemProcess.PROPOSAL_KEY).list().stream()
			.filter(job -> ("service:" + service.toLowerCase()).equals(runtimeService.createProcessInstanceQuery()
				.processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
			.toList();
	}

	ProcessInstance instance(String number) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult() != null
				? runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
				: historic(number);
	}

	ProcessInstance historic(String businessKey) {
		var historic = engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey).singleResult();
		return new EndedInstance(historic.getId(), businessKey);
	}

	Task task(String number, String key) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
		assertThat(task).as("open task %s of %s", key, number).isNotNull();
		return task;
	}

	Task incidentTask(String number, String key) {
		return task(number, key);
	}

	void complete(Task task, Map<String, Object> variables) {
		taskService.complete(task.getId(), variables);
	}

	Problem record(String number) {
		return problemRecords.findByNumber(number).orElseThrow();
	}

	List<String> events(Problem problem) {
		return problems.activity(problem).stream().map(ProblemActivity::getEvent)
			.filter(e -> !e.equals("FIELD_CHANGED") && !e.equals("STATE_CHANGED")).toList();
	}

	/** Refused by a form check or a step with exactly this message, wrapped however the engine wraps it. */
	static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable submission, String message) {
		assertThatThrownBy(submission).satisfies(e -> assertThat(
				org.incidentflow.process.InvalidSubmissionException.in(e)).hasValueSatisfying(
						refusal -> assertThat(refusal.getMessage()).isEqualTo(message)));
	}

	/** Lets BPM Assert check the history of an instance that already ended. */
	record EndedInstance(String getId, String getBusinessKey) implements ProcessInstance {
		@Override public String getProcessInstanceId() { return getId; }
		@Override public String getProcessDefinitionId() { return null; }
		@Override public String getProcessDefinitionKey() { return null; }
		@Override public String getRootProcessInstanceId() { return getId; }
		@Override public String getCaseInstanceId() { return null; }
		@Override public boolean isSuspended() { return false; }
		@Override public boolean isEnded() { return true; }
		@Override public String getTenantId() { return null; }
	}

	static void advance(Duration duration) {
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
	}

}
