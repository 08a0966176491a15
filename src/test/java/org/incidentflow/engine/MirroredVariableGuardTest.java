package org.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8 §6: variables that mirror the record cannot be changed or deleted past the process, through any door
 * (engine REST, the webapps' API Cockpit's variable editor uses, batches), by process owners, agents or
 * administrators; the record and the variables stay as they were. Other variables can still be edited.
 */
class MirroredVariableGuardTest extends WebTestSupport {

	@Autowired RuntimeService runtimeService;
	@Autowired IncidentRepository incidents;

	final ObjectMapper json = new ObjectMapper();

	String number;
	String instanceId;
	String taskId;

	@BeforeEach
	void incident() throws Exception {
		HttpResponse<String> reported = postJson("/api/incidents", "alice", "{\"title\":\"Printer jammed\",\"service\":\""
				+ "mirror-" + UUID.randomUUID() + "\",\"type\":\"hardware\",\"impact\":\"low\",\"urgency\":\"low\"}");
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		number = json.readTree(reported.body()).get("number").asText();
		instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
			.getId();
		taskId = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + number, "alice").body()).get(0)
			.get("id").asText();
	}

	void refused(HttpResponse<String> response, String variable) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = json.readTree(response.body());
		assertThat(error.get("message").asText()).contains(variable).contains("mirror");
	}

	@Test
	void processOwnersCannotEditOrDeleteMirroredVariablesThroughTheEngineApi() throws Exception {
		refused(putJson("/engine-rest/process-instance/" + instanceId + "/variables/priority", "paul",
				"{\"value\":1,\"type\":\"Integer\"}"), "priority");
		refused(delete("/engine-rest/process-instance/" + instanceId + "/variables/assignmentGroup", "paul"),
				"assignmentGroup");
		refused(postJson("/engine-rest/process-instance/" + instanceId + "/variables", "paul",
				"{\"modifications\":{\"note\":{\"value\":\"ok\"},\"impact\":{\"value\":\"high\"}}}"), "impact");

		assertUnchanged();
		// nothing of the refused patch was applied, not even its harmless part
		assertThat(runtimeService.getVariable(instanceId, "note")).isNull();
	}

	@Test
	void administratorsAndBatchesAreRefusedToo() throws Exception {
		refused(putJson("/engine-rest/process-instance/" + instanceId + "/variables/priority", "admin",
				"{\"value\":1,\"type\":\"Integer\"}"), "priority");
		refused(postJson("/engine-rest/process-instance/variables-async", "admin", "{\"processInstanceIds\":[\""
				+ instanceId + "\"],\"variables\":{\"urgency\":{\"value\":\"high\",\"type\":\"String\"}}}"), "urgency");
		assertUnchanged();
	}

	@Test
	void agentsCannotSetThemThroughTheirTask() throws Exception {
		refused(putJson("/engine-rest/task/" + taskId + "/variables/priority", "alice",
				"{\"value\":1,\"type\":\"Integer\"}"), "priority");
		refused(postJson("/engine-rest/task/" + taskId + "/variables", "alice",
				"{\"modifications\":{\"category\":{\"value\":\"network\"}}}"), "category");
		assertUnchanged();
	}

	@Test
	void cockpitsVariableEditorIsRefused() throws Exception {
		WebappSession cockpit = webappSession();
		assertThat(cockpit.login("cockpit", "paul", DEMO_PASSWORD).statusCode()).isEqualTo(200);
		// the variable view Cockpit opens first (and the fresh XSRF token it hands out)
		assertThat(cockpit.get("/camunda/api/engine/engine/default/process-instance/" + instanceId + "/variables")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> response = cockpit.postJson(
				"/camunda/api/engine/engine/default/process-instance/" + instanceId + "/variables",
				"{\"modifications\":{\"priority\":{\"value\":\"P1\",\"type\":\"String\"}}}");
		refused(response, "priority");
		assertUnchanged();
	}

	@Test
	void otherVariablesCanStillBeEdited() {
		HttpResponse<String> stored = putJson("/engine-rest/process-instance/" + instanceId + "/variables/note", "paul",
				"{\"value\":\"checked by the process owner\",\"type\":\"String\"}");
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
		assertThat(runtimeService.getVariable(instanceId, "note")).isEqualTo("checked by the process owner");
	}

	private void assertUnchanged() {
		var record = incidents.findByNumber(number).orElseThrow();
		assertThat(runtimeService.getVariable(instanceId, "priority")).isEqualTo(record.getPriority());
		assertThat(runtimeService.getVariable(instanceId, "assignmentGroup")).isEqualTo(record.getAssignmentGroup());
		assertThat(runtimeService.getVariable(instanceId, "impact")).isEqualTo("low");
		assertThat(runtimeService.getVariable(instanceId, "urgency")).isEqualTo("low");
	}

}
