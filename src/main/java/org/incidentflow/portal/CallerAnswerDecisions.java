package org.incidentflow.portal;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * What the caller's answers mean, decided by the tables of {@code processes/portal-caller-answers.dmn} in their latest
 * deployed version: a process owner who redeploys them changes the portal's mapping without a release. An answer
 * without a rule reads as not answered (the form asks again), never as a guessed code.
 */
@Component
class CallerAnswerDecisions {

	static final String TYPE = "portal-answer-type";
	static final String IMPACT = "portal-answer-impact";
	static final String URGENCY = "portal-answer-urgency";

	private final DecisionService decisions;

	CallerAnswerDecisions(DecisionService decisions) {
		this.decisions = decisions;
	}

	/** The incident type code for "What kind of problem is it?". */
	Optional<String> type(CallerAnswers.ProblemKind kind) {
		return evaluate(TYPE, "kind", kind.value(), "incidentType");
	}

	/** The impact code for "Who is affected?". */
	Optional<String> impact(CallerAnswers.WhoIsAffected affected) {
		return evaluate(IMPACT, "affected", affected.value(), "impact");
	}

	/** The urgency code for "Can you work?". */
	Optional<String> urgency(CallerAnswers.CanYouWork work) {
		return evaluate(URGENCY, "work", work.value(), "urgency");
	}

	private Optional<String> evaluate(String decision, String input, String value, String output) {
		DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(decision)
			.variables(Map.of(input, value))
			.evaluate()
			.getSingleResult();
		return Optional.ofNullable(result == null ? null : (String) result.getEntry(output));
	}

}
