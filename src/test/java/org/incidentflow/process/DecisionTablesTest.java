package org.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of every DMN table of the incident process, on the standalone DMN engine (no Spring, no database). */
class DecisionTablesTest {

	static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
		try (InputStream model = DecisionTablesTest.class.getResourceAsStream("/processes/" + key + ".dmn")) {
			DmnDecision decision = DMN.parseDecision(key, model);
			return DMN.evaluateDecision(decision, variables);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static Map<String, Object> vars(Object... pairs) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			variables.put((String) pairs[i], pairs[i + 1]);
		}
		return variables;
	}

	@ParameterizedTest(name = "impact {0} x urgency {1} = P{2}")
	@CsvSource({ "high,high,1", "high,medium,2", "high,low,3", "medium,high,2", "medium,medium,3", "medium,low,4",
			"low,high,3", "low,medium,4", "low,low,5" })
	void priorityMatrix(String impact, String urgency, int priority) {
		DmnDecisionResult result = evaluate("incident-priority", vars("impact", impact, "urgency", urgency));
		assertThat(result.<Integer>getSingleEntry()).isEqualTo(priority);
	}

	@ParameterizedTest(name = "P{0}: response {1}, resolution {2}, warn at {3} %, {4}")
	@CsvSource({ "1,PT15M,PT4H,75,24x7", "2,PT30M,PT8H,75,24x7", "3,PT4H,P1D,75,business-hours",
			"4,PT8H,P3D,75,business-hours", "5,P1D,P5D,75,business-hours" })
	void slaTargets(int priority, String response, String resolution, int warningPercent, String calendar) {
		Map<String, Object> row = evaluate("incident-sla", vars("priority", priority)).getSingleResult().getEntryMap();
		assertThat(row).containsEntry("responseTarget", response)
			.containsEntry("resolutionTarget", resolution)
			.containsEntry("warningPercent", warningPercent)
			.containsEntry("calendar", calendar);
	}

	@ParameterizedTest(name = "P{0}: review {1}")
	@CsvSource({ "1,true", "2,true", "3,false", "4,false", "5,false" })
	void closureReview(int priority, boolean required) {
		assertThat(evaluate("closure-review", vars("priority", priority)).<Boolean>getSingleEntry()).isEqualTo(required);
	}

	@ParameterizedTest(name = "[{index}] {0} / {1} / \"{2}\" -> {3}, {4}")
	@CsvSource(delimiter = '|', nullValues = "null", value = {
			// rule 1: type security
			"security            | Email   | Mailbox shows odd rules           | security    | security-ops",
			// rule 2: security keywords
			"software            | ERP     | Phishing mail asks for ERP login  | security    | security-ops",
			"service_degradation | null    | Laptop has malware warnings       | security    | security-ops",
			// rule 3: network services
			"service_outage      | VPN     | Cannot connect from home          | network     | network-ops",
			"service_degradation | Wi-Fi   | Slow in building B                | network     | network-ops",
			"service_outage      | dns     | Names do not resolve              | network     | network-ops",
			// rule 4: network keywords
			"service_outage      | Laptop  | VPN client drops every minute     | network     | network-ops",
			"software            | null    | Firewall blocks the supplier site | network     | network-ops",
			// rule 5: business applications
			"service_outage      | Email   | Cannot send anything              | application | app-support",
			"software            | CRM     | Reports are empty                 | application | app-support",
			// rule 6: application keywords, whole words only
			"software            | Laptop  | Outlook crashes at start          | application | app-support",
			"software            | null    | Our enterprise portal is slow     | general     | service-desk",
			// rule 7: hardware
			"hardware            | Laptop  | Screen flickers                   | hardware    | service-desk",
			// rule 8: everything else
			"software            | Printer | Driver missing                    | general     | service-desk" })
	void categorization(String type, String service, String title, String category, String group) {
		Map<String, Object> route = evaluate("incident-categorization",
				vars("incidentType", type, "service", service, "title", title, "description", null))
			.getFirstResult().getEntryMap();
		assertThat(route).containsEntry("category", category).containsEntry("assignmentGroup", group);
	}

	@Test
	void categorizationReadsTheDescriptionToo() {
		Map<String, Object> route = evaluate("incident-categorization", vars("incidentType", "software", "service",
				"Laptop", "title", "Cannot work", "description", "Since this morning\nthe DNS lookups time out."))
			.getFirstResult().getEntryMap();
		assertThat(route).containsEntry("assignmentGroup", "network-ops");
	}

	@ParameterizedTest(name = "{0} with category {1} escalates to {2}")
	@CsvSource(nullValues = "null", value = { "service-desk,security,security-ops", "service-desk,network,network-ops",
			"service-desk,general,app-support", "app-support,network,network-ops", "network-ops,application,app-support",
			"security-ops,security,null", "app-support,application,null" })
	void functionalEscalation(String group, String category, String next) {
		DmnDecisionResult result = evaluate("functional-escalation", vars("assignmentGroup", group, "category", category));
		Object escalateTo = result.isEmpty() ? null : result.getFirstResult().getSingleEntry();
		assertThat(escalateTo).isEqualTo(next);
	}

	/** The CI inputs are "-" in every shipped rule: any owner group and criticality, or none, give the same result. */
	@ParameterizedTest(name = "CI owner group {0}, criticality {1}: the matrix and the escalation chain as without a CI")
	@CsvSource(nullValues = "null", value = { "network-ops,1", "service-desk,4", "null,null" })
	void theShippedTablesIgnoreTheConfigurationItem(String ownerGroup, Integer criticality) {
		String[][] matrix = { { "high", "high", "1" }, { "high", "low", "3" }, { "medium", "medium", "3" },
				{ "low", "high", "3" }, { "low", "low", "5" } };
		for (String[] row : matrix) {
			Map<String, Object> inputs = vars("impact", row[0], "urgency", row[1], "ciOwnerGroup", ownerGroup,
					"ciCriticality", criticality);
			assertThat(evaluate("incident-priority", inputs).<Integer>getSingleEntry()).as("%s x %s", row[0], row[1])
				.isEqualTo(Integer.valueOf(row[2]));
		}
		Map<String, Object> escalation = vars("assignmentGroup", "service-desk", "category", "general", "ciOwnerGroup",
				ownerGroup, "ciCriticality", criticality);
		assertThat(evaluate("functional-escalation", escalation).getFirstResult().<String>getSingleEntry())
			.isEqualTo("app-support");
	}

}
