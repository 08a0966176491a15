package org.incidentflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code processes/portal-caller-answers.dmn} as deployed: every answer the portal offers has exactly one meaning, the
 * shipped mapping is the one the README describes, and a process owner's redeployment changes the portal at once.
 */
// the application itself, not the portal's web slice configuration next door
@SpringBootTest(classes = org.incidentflow.IncidentFlowApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CallerAnswersDecisionTest {

	@Autowired CallerAnswerDecisions answers;
	@Autowired DecisionService decisions;
	@Autowired RepositoryService repositoryService;

	@Test
	void everyAnswerOfThePortalHasItsShippedMeaning() {
		assertThat(Arrays.stream(CallerAnswers.WhoIsAffected.values()).map(a -> answers.impact(a).orElseThrow()))
			.containsExactly("low", "medium", "high");
		assertThat(Arrays.stream(CallerAnswers.CanYouWork.values()).map(a -> answers.urgency(a).orElseThrow()))
			.containsExactly("low", "medium", "high");
		assertThat(Arrays.stream(CallerAnswers.ProblemKind.values()).map(a -> answers.type(a).orElseThrow()))
			.containsExactly("service_degradation", "service_outage", "software", "hardware", "security");
	}

	@Test
	void aValueWithoutARuleMeansNothing() {
		assertThat(decisions.evaluateDecisionTableByKey(CallerAnswerDecisions.IMPACT)
			.variables(Map.of("affected", "the whole planet")).evaluate().getSingleResult()).isNull();
	}

	@Test
	void aProcessOwnersRedeploymentChangesThePortalsMapping() {
		// "my team" counts as high impact from now on
		String changed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_test" name="Changed" namespace="http://incidentflow.org/dmn">
				  <decision id="portal-answer-impact" name="Who is affected to impact" camunda:historyTimeToLive="P1D">
				    <decisionTable id="DecisionTable_changed" hitPolicy="UNIQUE">
				      <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string"><text>affected</text></inputExpression></input>
				      <output id="Output_1" name="impact" typeRef="string" />
				      <rule id="Rule_1"><inputEntry id="InputEntry_1"><text>"only_me"</text></inputEntry><outputEntry id="OutputEntry_1"><text>"low"</text></outputEntry></rule>
				      <rule id="Rule_2"><inputEntry id="InputEntry_2"><text>"my_team","many"</text></inputEntry><outputEntry id="OutputEntry_2"><text>"high"</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""";
		Deployment deployment = repositoryService.createDeployment().name("process owner: my team is high impact")
			.addString("portal-answer-impact.dmn", changed).deploy();
		try {
			assertThat(answers.impact(CallerAnswers.WhoIsAffected.MY_TEAM)).isEqualTo(Optional.of("high"));
		}
		finally {
			repositoryService.deleteDeployment(deployment.getId(), true);
		}
		assertThat(answers.impact(CallerAnswers.WhoIsAffected.MY_TEAM)).isEqualTo(Optional.of("medium"));
	}

}
