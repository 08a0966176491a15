package org.incidentflow.intake.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.incidentflow.incident.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both alert decisions, every rule and every input combination that matters, on the standalone DMN engine. */
class AlertDecisionsTest {

	static DmnEngine dmn;
	static DmnDecision classification;
	static DmnDecision resolution;

	@BeforeAll
	static void parse() throws Exception {
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		classification = parse("processes/alert-classification.dmn", AlertClassification.CLASSIFICATION);
		resolution = parse("processes/alert-resolution.dmn", AlertClassification.RESOLUTION);
	}

	private static DmnDecision parse(String resource, String key) throws Exception {
		try (InputStream in = AlertDecisionsTest.class.getClassLoader().getResourceAsStream(resource)) {
			return dmn.parseDecision(key, in);
		}
	}

	static Stream<Arguments> severities() {
		return Stream.of(
				Arguments.of("critical", "high", "high", "service_outage"),
				Arguments.of("page", "high", "high", "service_outage"),
				Arguments.of("disaster", "high", "high", "service_outage"),
				Arguments.of("error", "high", "medium", "service_degradation"),
				Arguments.of("high", "high", "medium", "service_degradation"),
				Arguments.of("major", "high", "medium", "service_degradation"),
				Arguments.of("warning", "medium", "medium", "service_degradation"),
				Arguments.of("warn", "medium", "medium", "service_degradation"),
				Arguments.of("average", "medium", "medium", "service_degradation"),
				Arguments.of("medium", "medium", "medium", "service_degradation"),
				Arguments.of("minor", "medium", "medium", "service_degradation"),
				Arguments.of("info", "low", "low", "service_degradation"),
				Arguments.of("information", "low", "low", "service_degradation"),
				Arguments.of("low", "low", "low", "service_degradation"),
				Arguments.of("none", "low", "low", "service_degradation"),
				// default rule: unknown and missing severities
				Arguments.of("sev1", "medium", "medium", "service_degradation"),
				Arguments.of("", "medium", "medium", "service_degradation"));
	}

	@ParameterizedTest(name = "severity \"{0}\" -> {1}/{2} {3}")
	@MethodSource("severities")
	void classifiesEverySeverity(String severity, String impact, String urgency, String type) {
		DmnDecisionTableResult result = dmn.evaluateDecisionTable(classification, Map.of("severity", severity));
		assertThat(result).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap())
			.containsEntry("impact", impact)
			.containsEntry("urgency", urgency)
			.containsEntry("incidentType", type);
	}

	/** The expected action, stated independently of the table. */
	private static String expectedAction(boolean allResolved, State state, Integer priority) {
		if (!allResolved) {
			return "record";
		}
		if (state == State.RESOLVED || state == State.CLOSED || state == State.CANCELED) {
			return "record";
		}
		if (state == State.ON_HOLD) {
			return "notify";
		}
		if (priority != null && priority <= 2) {
			return "notify";
		}
		return "resolve";
	}

	static Stream<Arguments> resolutionInputs() {
		List<Arguments> all = new ArrayList<>();
		Integer[] priorities = { null, 1, 2, 3, 4, 5 };
		for (boolean allResolved : new boolean[] { true, false }) {
			for (State state : State.values()) {
				for (Integer priority : priorities) {
					all.add(Arguments.of(allResolved, state, priority, expectedAction(allResolved, state, priority)));
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "allResolved={0} state={1} priority={2} -> {3}")
	@MethodSource("resolutionInputs")
	void decidesEveryCombination(boolean allResolved, State state, Integer priority, String action) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("allAlertsResolved", allResolved);
		variables.put("incidentState", state.code());
		variables.put("priority", priority);
		DmnDecisionTableResult result = dmn.evaluateDecisionTable(resolution, variables);
		assertThat(result.getSingleResult().<String>getEntry("action")).isEqualTo(action);
	}

	@Test
	void everyDecisionHasHistoryTimeToLive() throws Exception {
		for (String resource : List.of("processes/alert-classification.dmn", "processes/alert-resolution.dmn")) {
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
				assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
					.contains("camunda:historyTimeToLive=");
			}
		}
	}

}
