package org.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentflow.incident.IncidentProcess.Vars;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.asset.CiStatus;
import org.incidentflow.asset.CiType;
import org.incidentflow.asset.ConfigurationItem;
import org.incidentflow.asset.ConfigurationItemRegistry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The CI's owner group and criticality reach the priority and escalation decisions: the shipped tables ignore them
 * (same results as without a CI), and a table a process owner redeploys with a CI rule follows it at once, with no
 * change to the model or the Java code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CiDecisionInputsTest {

	@Autowired RepositoryService repositoryService;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired HistoryService historyService;
	@Autowired IncidentReporting reporting;
	@Autowired IncidentRepository incidents;
	@Autowired ActivityRepository activity;
	@Autowired ConfigurationItemRegistry registry;

	private final String p = "d" + UUID.randomUUID().toString().substring(0, 8) + "-";

	@Test
	void theShippedTablesIgnoreTheCi() {
		String ci = register("erp-db", "network-ops", 1);
		String number = report(ci, Level.LOW, Level.LOW);
		Incident incident = record(number);
		assertThat(incident.getPriority()).as("the matrix: low x low").isEqualTo(5);
		assertThat(lastDetail(number, "PRIORITIZED")).isEqualTo("P5 from impact low and urgency low (CI criticality 1)");

		HistoricDecisionInstance priority = decision(number, "incident-priority");
		assertThat(inputs(priority)).containsEntry("ciCriticality", 1).containsEntry("ciOwnerGroup", "network-ops");
		assertThat(runtimeService.getVariables(incident.getProcessInstanceId()).keySet())
			.as("inputs only while a decision runs").doesNotContain(CiDecisionInputs.CRITICALITY,
					CiDecisionInputs.OWNER_GROUP);

		escalateWithoutTarget(number);
		assertThat(record(number).getAssignmentGroup()).as("service desk -> application support, as before")
			.isEqualTo("app-support");
	}

	@Test
	void withoutARegisteredCiTheInputsAreNull() {
		String number = report(p + "not-registered", Level.MEDIUM, Level.LOW);
		assertThat(record(number).getPriority()).isEqualTo(4);
		assertThat(lastDetail(number, "PRIORITIZED")).isEqualTo("P4 from impact medium and urgency low");
		HistoricDecisionInstance priority = decision(number, "incident-priority");
		assertThat(inputs(priority)).containsEntry("ciCriticality", null).containsEntry("ciOwnerGroup", null);
	}

	@Test
	void aProcessOwnersPriorityRuleOnCriticalityTakesEffectOnRedeploy() throws IOException {
		String critical = register("core-switch", "network-ops", 1);
		String minor = register("test-printer", "service-desk", 4);
		// "a criticality-1 CI counts as high impact": three rules above the matrix (hit policy FIRST)
		String variant = shipped("incident-priority").replace("<output id=\"Output_1\" label=\"Priority\" name=\"priority\" typeRef=\"integer\" />",
				"<output id=\"Output_1\" label=\"Priority\" name=\"priority\" typeRef=\"integer\" />"
						+ rule("Rule_critical_ci_high", "-", "\"high\"", "1", "-", "1")
						+ rule("Rule_critical_ci_medium", "-", "\"medium\"", "1", "-", "2")
						+ rule("Rule_critical_ci_low", "-", "\"low\"", "1", "-", "3"));
		String deployment = deploy("incident-priority", variant);
		try {
			assertThat(record(report(critical, Level.LOW, Level.MEDIUM)).getPriority())
				.as("criticality 1: as impact high x urgency medium").isEqualTo(2);
			assertThat(record(report(minor, Level.LOW, Level.MEDIUM)).getPriority()).as("the matrix for the others")
				.isEqualTo(4);
			assertThat(record(report(p + "free-text", Level.LOW, Level.MEDIUM)).getPriority())
				.as("and without a registered CI").isEqualTo(4);
		}
		finally {
			repositoryService.deleteDeployment(deployment, true);
		}
		assertThat(record(report(critical, Level.LOW, Level.MEDIUM)).getPriority()).as("shipped table again")
			.isEqualTo(4);
	}

	@Test
	void aProcessOwnersRoutingRuleOnTheOwnerGroupTakesEffectOnRedeploy() throws IOException {
		String owned = register("vpn-concentrator", "network-ops", 2);
		String variant = shipped("functional-escalation").replace("<output id=\"Output_1\" label=\"Escalate to\" name=\"escalateTo\" typeRef=\"string\" />",
				"<output id=\"Output_1\" label=\"Escalate to\" name=\"escalateTo\" typeRef=\"string\" />"
						+ rule("Rule_owner_network_ops", "-", "-", "\"network-ops\"", "-", "\"network-ops\""));
		String deployment = deploy("functional-escalation", variant);
		try {
			String number = report(owned, Level.MEDIUM, Level.LOW);
			escalateWithoutTarget(number);
			assertThat(record(number).getAssignmentGroup()).as("to the CI's owner group").isEqualTo("network-ops");
			assertThat(record(number).getEscalationChain()).isEqualTo("service-desk,network-ops");
		}
		finally {
			repositoryService.deleteDeployment(deployment, true);
		}
	}

	private String register(String id, String ownerGroup, int criticality) {
		return registry.create(p + id, new ConfigurationItem.Attributes("Test " + id, CiType.SERVER, "Expenses",
				ownerGroup, criticality, null, CiStatus.IN_USE, Set.of()), "paul").getId();
	}

	/** A software incident on the Expenses service: service desk, escalated to application support by the table. */
	private String report(String configurationItem, Level impact, Level urgency) {
		return reporting.report(new NewIncident("Expense tool slow " + p, "Reported in a test", "rita", Channel.PORTAL,
				"Expenses", configurationItem, IncidentType.SOFTWARE, impact, urgency)).getNumber();
	}

	private void escalateWithoutTarget(String number) {
		taskService.complete(task(number, Tasks.TRIAGE).getId(), Map.of(Vars.CLASSIFICATION, "incident"));
		assertThat(record(number).getAssignmentGroup()).isEqualTo("service-desk");
		Task investigate = task(number, Tasks.INVESTIGATE);
		taskService.claim(investigate.getId(), "alice");
		taskService.complete(investigate.getId(), Map.of(Vars.INVESTIGATION_OUTCOME, "escalate", Vars.HANDOVER_NOTE,
				"Slow since this morning; restarted the client."));
	}

	private static String rule(String id, String... entries) {
		StringBuilder rule = new StringBuilder("<rule id=\"" + id + "\">");
		for (int i = 0; i < entries.length - 1; i++) {
			rule.append("<inputEntry id=\"").append(id).append("_in").append(i).append("\"><text>").append(entries[i])
				.append("</text></inputEntry>");
		}
		return rule.append("<outputEntry id=\"").append(id).append("_out\"><text>").append(entries[entries.length - 1])
			.append("</text></outputEntry></rule>").toString();
	}

	private String shipped(String key) throws IOException {
		return new String(getClass().getResourceAsStream("/processes/" + key + ".dmn").readAllBytes(),
				StandardCharsets.UTF_8);
	}

	/** As Camunda Modeler deploys it: the same resource name, the same decision key, a new version. */
	private String deploy(String key, String xml) {
		assertThat(xml).contains("Rule_");
		return repositoryService.createDeployment().name(key + " with a CI rule")
			.addString("processes/" + key + ".dmn", xml).deploy().getId();
	}

	private Task task(String number, String key) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as("open task %s of %s", key, number).isNotNull();
		return task;
	}

	private Incident record(String number) {
		return incidents.findByNumber(number).orElseThrow();
	}

	private String lastDetail(String number, String event) {
		return activity.findByIncidentIdOrderByAtAscIdAsc(record(number).getId()).stream()
			.filter(e -> e.getEvent().equals(event)).reduce((first, last) -> last).orElseThrow().getDetail();
	}

	private HistoricDecisionInstance decision(String number, String key) {
		return historyService.createHistoricDecisionInstanceQuery()
			.processInstanceId(record(number).getProcessInstanceId()).decisionDefinitionKey(key).includeInputs()
			.orderByEvaluationTime().desc().list().get(0);
	}

	private static Map<String, Object> inputs(HistoricDecisionInstance decision) {
		Map<String, Object> inputs = new java.util.HashMap<>();
		for (HistoricDecisionInputInstance input : decision.getInputs()) {
			String expression = switch (input.getClauseName()) {
				case "CI criticality (1 = most critical)" -> "ciCriticality";
				case "CI owner group" -> "ciOwnerGroup";
				default -> input.getClauseName();
			};
			inputs.put(expression, input.getValue());
		}
		return inputs;
	}

}
