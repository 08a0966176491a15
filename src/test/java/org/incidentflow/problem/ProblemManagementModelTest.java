package org.incidentflow.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.incidentflow.knowledge.KnownErrorRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The models {@code problem-management} and {@code problem-proposal} alone, on an in-memory engine with mocked
 * delegates (the real form check): routing, candidate groups and task names, without Spring or a database schema of
 * the product. The full-stack behaviour is {@link ProblemProcessTest}.
 */
class ProblemManagementModelTest {

	/**
	 * Both problem models under the process test coverage gate at 100 % of flow nodes and sequence flows: the Spring
	 * test context measures incident-management alone (ProcessCoverageTestConfiguration), since incidents start
	 * problems as a side effect there.
	 */
	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
			new ProcessCoverageInMemProcessEngineConfiguration()
				.setJdbcUrl("jdbc:h2:mem:problem-model;DB_CLOSE_DELAY=-1")
				.setExpressionManager(new MockExpressionManager())
				.setJobExecutorActivate(false)
				.setHistory("full")
				.setProcessEngineName("problem-model"))
		.assertClassCoverageAtLeast(1.0)
		.build();

	static ProcessEngine ENGINE;

	final Map<String, JavaDelegate> delegates = new HashMap<>();

	@BeforeEach
	void mocks() {
		ENGINE = extension.getProcessEngine();
		BpmnAwareTests.init(ENGINE);
		for (String name : new String[] { "startProblemInvestigation", "recordRootCause", "recordKnownError",
				"resolveProblem", "reopenProblemFix", "closeProblem", "registerProposal", "raiseProposedProblem",
				"dismissProposal" }) {
			JavaDelegate delegate = mock(JavaDelegate.class);
			delegates.put(name, delegate);
			Mocks.register(name, delegate);
		}
		Mocks.register("validateProblemSubmission", new ValidateProblemSubmission());
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		BpmnAwareTests.reset();
	}

	ProcessInstance start() {
		return ENGINE.getRuntimeService().startProcessInstanceByKey(ProblemProcess.KEY, "PRB-000001",
				Map.of("problemNumber", "PRB-000001", "title", "VPN drops", "ownerGroup", "network-ops"));
	}

	@Test
	@Deployment(resources = "processes/problem-management.bpmn")
	void withWorkaroundTheKnownErrorIsRecordedAndARejectedFixRecordsItAgain() throws Exception {
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt(ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE).task()
			.hasCandidateGroup("problem-managers").hasCandidateGroup("network-ops")
			.hasName("Investigate root cause of PRB-000001: VPN drops");
		assertThatThrownBy(() -> complete(task(instance), Map.of("workaround", "Reconnect")))
			.hasMessageContaining("Root cause is required.");
		complete(task(instance), Map.of("rootCause", "MTU mismatch", "workaround", "Reconnect on cable"));
		assertThat(instance).hasPassed("StartRootCauseAnalysis", "RecordRootCause", "RecordKnownError")
			.isWaitingAt(ProblemProcess.Tasks.FIX_THROUGH_CHANGE);
		assertThatThrownBy(() -> complete(task(instance), Map.of("resolution", "MTU set")))
			.hasMessageContaining("Change reference is required.");
		complete(task(instance), Map.of("changeReference", "CHG-0042", "resolution", "MTU set to 1400"));
		assertThat(instance).hasPassed("ResolveProblem").isWaitingAt(ProblemProcess.Tasks.REVIEW_PROBLEM).task()
			.hasCandidateGroup("problem-managers");
		assertThatThrownBy(() -> complete(task(instance), Map.of("fixConfirmed", false)))
			.hasMessageContaining("Review notes is required.");
		complete(task(instance), Map.of("fixConfirmed", false, "reviewNotes", "Drops again on Wi-Fi"));
		assertThat(instance).hasPassed("ReopenProblemFix").isWaitingAt(ProblemProcess.Tasks.FIX_THROUGH_CHANGE);
		verify(delegates.get("recordKnownError"), times(2)).execute(any());
		complete(task(instance), Map.of("changeReference", "CHG-0043", "resolution", "Wi-Fi MTU too"));
		complete(task(instance), Map.of("fixConfirmed", true));
		assertThat(instance).hasPassed("CloseProblem").isEnded();
		verify(delegates.get("resolveProblem"), times(2)).execute(any());
	}

	@Test
	@Deployment(resources = "processes/problem-management.bpmn")
	void withoutWorkaroundNoKnownErrorIsRecorded() throws Exception {
		ProcessInstance instance = start();
		complete(task(instance), Map.of("rootCause", "Disk firmware"));
		assertThat(instance).hasNotPassed("RecordKnownError").isWaitingAt(ProblemProcess.Tasks.FIX_THROUGH_CHANGE);
		complete(task(instance), Map.of("changeReference", "CHG-7", "resolution", "Firmware updated"));
		complete(task(instance), Map.of("fixConfirmed", true, "reviewNotes", "No recurrence in 30 days"));
		assertThat(instance).isEnded().hasPassed("ProblemClosed");
		verifyNoInteractions(delegates.get("recordKnownError"));
	}

	@Test
	@Deployment(resources = "processes/problem-proposal.bpmn")
	void proposalIsRegisteredAsynchronouslyThenAcceptedDismissedOrSkipped() throws Exception {
		doAnswer(call -> {
			((DelegateExecution) call.getArgument(0)).setVariable("alreadyProposed", false);
			return null;
		}).when(delegates.get("registerProposal")).execute(any());
		Map<String, Object> variables = Map.of("rule", "5 or more incidents on one service within 7 days",
				"clusterKey", "service:vpn");
		ProcessInstance accepted = ENGINE.getRuntimeService().startProcessInstanceByKey(ProblemProcess.PROPOSAL_KEY, variables);
		assertThat(accepted).isWaitingAt("ProblemPatternFound");
		BpmnAwareTests.execute(BpmnAwareTests.job(accepted));
		assertThat(accepted).isWaitingAt(ProblemProcess.Tasks.REVIEW_PROPOSAL).task().hasCandidateGroup("problem-managers")
			.hasName("Problem proposed: 5 or more incidents on one service within 7 days");
		assertThatThrownBy(() -> complete(task(accepted), Map.of("proposalAccepted", false)))
			.hasMessageContaining("Why not is required.");
		complete(task(accepted), Map.of("proposalAccepted", true, "ownerGroup", "network-ops"));
		assertThat(accepted).hasPassed("RaiseProposedProblem").isEnded();

		ProcessInstance dismissed = ENGINE.getRuntimeService().startProcessInstanceByKey(ProblemProcess.PROPOSAL_KEY, variables);
		BpmnAwareTests.execute(BpmnAwareTests.job(dismissed));
		complete(task(dismissed), Map.of("proposalAccepted", false, "dismissReason", "Different causes"));
		assertThat(dismissed).hasPassed("DismissProposal").isEnded();

		doAnswer(call -> {
			((DelegateExecution) call.getArgument(0)).setVariable("alreadyProposed", true);
			return null;
		}).when(delegates.get("registerProposal")).execute(any());
		ProcessInstance skipped = ENGINE.getRuntimeService().startProcessInstanceByKey(ProblemProcess.PROPOSAL_KEY, variables);
		BpmnAwareTests.execute(BpmnAwareTests.job(skipped));
		assertThat(skipped).hasPassed("ProposalExists").hasNotPassed(ProblemProcess.Tasks.REVIEW_PROPOSAL).isEnded();
	}

	@Test
	void recordingAKnownErrorWithoutAKnownErrorDatabaseFailsClearly() {
		@SuppressWarnings("unchecked")
		ObjectProvider<KnownErrorRegister> none = mock(ObjectProvider.class);
		when(none.getIfAvailable()).thenReturn(null);
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getProcessBusinessKey()).thenReturn("PRB-000001");
		ProblemSteps.RecordKnownError step = new ProblemSteps.RecordKnownError(mock(ProblemManagement.class), none);
		assertThatThrownBy(() -> step.execute(execution)).isInstanceOf(IllegalStateException.class)
			.hasMessage("No known-error database in this deployment (no KnownErrorRegister bean): the known error of "
					+ "PRB-000001 cannot be recorded.");
	}

}
