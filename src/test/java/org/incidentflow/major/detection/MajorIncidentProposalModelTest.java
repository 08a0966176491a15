package org.incidentflow.major.detection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * The model {@code major-incident-proposal} alone, on an in-memory engine with mocked delegates (the real form
 * check): routing by the detection's outcome, candidate group and task name, under the process test coverage gate at
 * 100 %. The full-stack behaviour is {@link MajorIncidentDetectionTest}.
 */
@Deployment(resources = "processes/major-incident-proposal.bpmn")
class MajorIncidentProposalModelTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
			new ProcessCoverageInMemProcessEngineConfiguration()
				.setJdbcUrl("jdbc:h2:mem:major-proposal-model;DB_CLOSE_DELAY=-1")
				.setExpressionManager(new MockExpressionManager())
				.setJobExecutorActivate(false)
				.setHistory("full")
				.setProcessEngineName("major-proposal-model"))
		.assertClassCoverageAtLeast(1.0)
		.build();

	ProcessEngine engine;
	final Map<String, JavaDelegate> delegates = new HashMap<>();

	@BeforeEach
	void mocks() {
		engine = extension.getProcessEngine();
		BpmnAwareTests.init(engine);
		for (String name : new String[] { "joinMajorIncident", "promoteMajorIncident", "registerMajorProposal",
				"acceptMajorProposal", "rejectMajorProposal" }) {
			JavaDelegate delegate = mock(JavaDelegate.class);
			delegates.put(name, delegate);
			Mocks.register(name, delegate);
		}
		Mocks.register("validateMajorProposalReview", new MajorProposalSteps.ValidateReview());
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void aProposalIsRegisteredAsynchronouslyThenAcceptedOrRejected() throws Exception {
		registerAnswers(false);
		ProcessInstance accepted = start("propose");
		assertThat(accepted).isWaitingAt("MajorIncidentSuspected");
		BpmnAwareTests.execute(BpmnAwareTests.job(accepted));
		assertThat(accepted).isWaitingAt("ReviewMajorProposal").task().hasCandidateGroup("incident-managers")
			.hasName("Major incident proposed: 14 reports for service VPN in 20 minutes");
		assertThatThrownBy(() -> complete(task(accepted), Map.of())).hasMessageContaining("Declare a major incident is required.");
		assertThatThrownBy(() -> complete(task(accepted), Map.of("majorAccepted", false)))
			.hasMessageContaining("Why not is required.");
		complete(task(accepted), Map.of("majorAccepted", true));
		assertThat(accepted).hasPassed("AcceptMajorProposal").isEnded().hasNotPassed("RejectMajorProposal");

		ProcessInstance rejected = start("propose");
		BpmnAwareTests.execute(BpmnAwareTests.job(rejected));
		complete(task(rejected), Map.of("majorAccepted", false, "rejectReason", "Planned maintenance"));
		assertThat(rejected).hasPassed("RejectMajorProposal", "MajorProposalRejected").isEnded();
		verify(delegates.get("rejectMajorProposal")).execute(any());
	}

	@Test
	void aSecondProposalOfAnOpenClusterEndsWithoutATask() throws Exception {
		registerAnswers(true);
		ProcessInstance skipped = start("propose");
		BpmnAwareTests.execute(BpmnAwareTests.job(skipped));
		assertThat(skipped).hasPassed("MajorProposalExists").hasNotPassed("ReviewMajorProposal").isEnded();
	}

	@Test
	void promotionDeclaresWithoutAProposal() throws Exception {
		ProcessInstance promoted = start("promote");
		BpmnAwareTests.execute(BpmnAwareTests.job(promoted));
		assertThat(promoted).hasPassed("PromoteMajorIncident", "MajorIncidentPromoted").isEnded()
			.hasNotPassed("RegisterMajorProposal");
		verifyNoInteractions(delegates.get("registerMajorProposal"));
	}

	@Test
	void aReportOfAServiceWithAnOpenMajorIncidentJoinsIt() throws Exception {
		ProcessInstance joined = start("join");
		BpmnAwareTests.execute(BpmnAwareTests.job(joined));
		assertThat(joined).hasPassed("JoinMajorIncident", "JoinedMajorIncident").isEnded()
			.hasNotPassed("RegisterMajorProposal", "PromoteMajorIncident");
	}

	private void registerAnswers(boolean alreadyProposed) throws Exception {
		doAnswer(call -> {
			DelegateExecution execution = call.getArgument(0);
			execution.setVariable("alreadyProposed", alreadyProposed);
			execution.setVariable("proposalTitle", "14 reports for service VPN in 20 minutes");
			return null;
		}).when(delegates.get("registerMajorProposal")).execute(any());
	}

	private ProcessInstance start(String action) {
		return engine.getRuntimeService().startProcessInstanceByKey(MajorIncidentDetection.PROCESS, "service:vpn",
				Map.of("detectionAction", action, "service", "VPN", "clusterKey", "service:vpn"));
	}

}
