package org.incidentflow.major;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The model {@code major-incident} alone, with its cadence table, on an in-memory engine with mocked delegates: roles,
 * the update cadence by priority on the engine clock, a missed update escalated while the update task stays open,
 * resolution ending the loop, the review and its follow-up actions; under the process test coverage gate at 100 %.
 * The full-stack behaviour (records, children, notices) is {@link MajorIncidentTest}.
 */
@Deployment(resources = { "processes/major-incident.bpmn", "processes/major-incident-cadence.dmn" })
class MajorIncidentModelTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
			new ProcessCoverageInMemProcessEngineConfiguration()
				.setJdbcUrl("jdbc:h2:mem:major-incident-model;DB_CLOSE_DELAY=-1")
				.setExpressionManager(new MockExpressionManager())
				.setJobExecutorActivate(false)
				.setHistory("full")
				.setProcessEngineName("major-incident-model"))
		.assertClassCoverageAtLeast(1.0)
		.build();

	static final String[] DELEGATES = { "recordMajorRoles", "publishMajorStatusUpdate", "escalateMissedMajorUpdate",
			"resolveMajorChildren", "assembleMajorReview", "recordMajorReview", "loadMajorFollowUp",
			"completeMajorFollowUp" };

	ProcessEngine engine;
	final Map<String, JavaDelegate> delegates = new HashMap<>();
	Date start;

	@BeforeEach
	void mocks() throws Exception {
		engine = extension.getProcessEngine();
		BpmnAwareTests.init(engine);
		for (String name : DELEGATES) {
			JavaDelegate delegate = mock(JavaDelegate.class);
			delegates.put(name, delegate);
			Mocks.register(name, delegate);
		}
		start = new Date(1_800_000_000_000L);
		ClockUtil.setCurrentTime(start);
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		Mocks.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void aP1GetsAnUpdateEveryThirtyMinutesAndAMissedUpdateIsEscalatedWhileTheTaskStaysOpen() throws Exception {
		ProcessInstance major = declare(1);
		assertThat(major).isWaitingAt("AssignRoles").task().hasCandidateGroup("incident-managers")
			.hasName("Assign roles for INC-000042: VPN down for all sites");
		complete(task(major), roles());
		assertThat(major).hasPassed("RecordRoles", "DecideCadence")
			.isWaitingAt("ResolveMajorIncident", "StatusUpdateDue");
		verify(delegates.get("recordMajorRoles")).execute(any());

		Job due = timer(major, "StatusUpdateDue");
		assertThat(Duration.between(start.toInstant(), due.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(30));

		later(30);
		BpmnAwareTests.execute(due);
		Task update = taskQuery().processInstanceId(major.getId()).taskDefinitionKey("PublishStatusUpdate")
			.singleResult();
		assertThat(update.getAssignee()).isEqualTo("carol");
		assertThat(update.getName()).isEqualTo("Publish status update for INC-000042");

		// P1: an update not published 10 minutes after it fell due is missed; the task stays for the lead
		Job missed = timer(major, "UpdateMissed");
		assertThat(Duration.between(start.toInstant(), missed.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(40));
		later(10);
		BpmnAwareTests.execute(missed);
		assertThat(major).hasPassed("EscalateMissedUpdate", "MissedUpdateEscalated").isWaitingAt("PublishStatusUpdate");
		verify(delegates.get("escalateMissedMajorUpdate")).execute(any());

		engine.getTaskService().complete(update.getId(), Map.of("statusUpdate", "Failover to the backup gateway"));
		assertThat(major).hasPassed("PublishStatusToCallers").isWaitingAt("StatusUpdateDue", "ResolveMajorIncident");
		verify(delegates.get("publishMajorStatusUpdate")).execute(any());
		Job next = timer(major, "StatusUpdateDue");
		assertThat(Duration.between(start.toInstant(), next.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(70));

		resolveAndReview(major, List.of());
		assertThat(major).hasNotPassed("TrackFollowUpAction").isEnded();
	}

	@Test
	void theCadenceFollowsThePriority() {
		assertThat(firstUpdateAfter(2)).isEqualTo(Duration.ofMinutes(60));
		assertThat(firstUpdateAfter(3)).isEqualTo(Duration.ofMinutes(120));
	}

	@Test
	void resolutionEndsTheUpdateLoopAndEveryFollowUpActionIsTrackedUntilDone() throws Exception {
		ProcessInstance major = declare(1);
		complete(task(major), roles());
		resolveAndReview(major, List.of(11L, 12L));
		verify(delegates.get("publishMajorStatusUpdate"), never()).execute(any());
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(major.getId()).count()).isZero();

		List<Task> followUps = taskQuery().processInstanceId(major.getId()).taskDefinitionKey("WorkFollowUpAction").list();
		assertThat(followUps).hasSize(2);
		assertThat(followUps).allSatisfy(t -> {
			assertThat(t.getName()).startsWith("Follow-up of INC-000042: ");
			assertThat(t.getDueDate()).isEqualTo(new Date(start.getTime() + Duration.ofDays(14).toMillis()));
		});
		assertThat(engine.getTaskService().getIdentityLinksForTask(followUps.get(0).getId()))
			.anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("network-ops"));

		engine.getTaskService().complete(followUps.get(0).getId());
		assertThat(major).isActive();
		engine.getTaskService().complete(followUps.get(1).getId());
		assertThat(major).hasPassed("CompleteFollowUp", "FollowUpDone", "MajorIncidentReviewed").isEnded();
		verify(delegates.get("completeMajorFollowUp"), times(2)).execute(any());
	}

	private void resolveAndReview(ProcessInstance major, List<Long> followUpActions) throws Exception {
		doAnswer(call -> {
			DelegateExecution execution = call.getArgument(0);
			execution.setVariable("followUpActionIds", followUpActions);
			return null;
		}).when(delegates.get("recordMajorReview")).execute(any());
		doAnswer(call -> {
			DelegateExecution execution = call.getArgument(0);
			execution.setVariableLocal("followUpDescription", "Monitor the gateway " + execution.getVariable("followUpActionId"));
			execution.setVariableLocal("followUpOwnerGroup", "network-ops");
			execution.setVariableLocal("followUpDueDate", new Date(start.getTime() + Duration.ofDays(14).toMillis()));
			return null;
		}).when(delegates.get("loadMajorFollowUp")).execute(any());

		Task resolve = taskQuery().processInstanceId(major.getId()).taskDefinitionKey("ResolveMajorIncident")
			.singleResult();
		assertThat(engine.getTaskService().getIdentityLinksForTask(resolve.getId()))
			.anySatisfy(link -> assertThat(link.getUserId()).isEqualTo("dave"));
		engine.getTaskService().complete(resolve.getId(), Map.of("resolutionCode", "workaround_applied", "resolutionNotes", "Gateway certificate renewed"));
		assertThat(major).hasPassed("ResolutionDecided", "ResolveChildren", "AssembleReview")
			.isWaitingAt("PostIncidentReview");
		verify(delegates.get("resolveMajorChildren")).execute(any());
		verify(delegates.get("assembleMajorReview")).execute(any());
		complete(task(major), Map.of("cause", "Certificate expired on the gateway"));
		assertThat(major).hasPassed("RecordReview");
	}

	private Duration firstUpdateAfter(int priority) {
		ProcessInstance major = declare(priority);
		complete(task(major), roles());
		return Duration.between(start.toInstant(), timer(major, "StatusUpdateDue").getDuedate().toInstant());
	}

	private ProcessInstance declare(int priority) {
		return engine.getRuntimeService().startProcessInstanceByKey("major-incident", "INC-000042",
				Map.of("incidentNumber", "INC-000042", "title", "VPN down for all sites", "priority", priority));
	}

	private static Map<String, Object> roles() {
		return Map.of("incidentCommander", "dave", "communicationsLead", "carol", "technicalLead", "bob");
	}

	private Job timer(ProcessInstance instance, String activity) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activity)
			.singleResult();
	}

	private void later(int minutes) {
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(minutes).toMillis()));
	}
}
