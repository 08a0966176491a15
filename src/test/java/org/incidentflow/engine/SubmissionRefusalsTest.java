package org.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The product's own form validation refuses a submission on the engine REST API and in Tasklist (the webapps' engine
 * API) with 400 and the plain sentence, and the task stays open. Before, Camunda answered 500
 * {@code ENGINE-03051 ... Exception while invoking TaskListener: ...}.
 */
class SubmissionRefusalsTest extends WebTestSupport {

	@Autowired
	TaskService taskService;

	final ObjectMapper json = new ObjectMapper();
	String triageTaskId;

	@BeforeEach
	void reportOne() throws Exception {
		HttpResponse<String> created = postJson("/api/incidents", "alice", json.writeValueAsString(Map.of(
				"title", "Refusal " + UUID.randomUUID(), "type", "hardware", "impact", "low", "urgency", "low")));
		assertThat(created.statusCode()).isEqualTo(201);
		String number = json.readTree(created.body()).get("number").asText();
		triageTaskId = taskService.createTaskQuery().processInstanceBusinessKey(number)
			.taskDefinitionKey(IncidentProcess.Tasks.TRIAGE).singleResult().getId();
	}

	void plainRefusal(HttpResponse<String> response, String sentence) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("type").asText()).isEqualTo("InvalidSubmissionException");
		assertThat(body.get("message").asText()).isEqualTo(sentence);
		assertThat(taskService.createTaskQuery().taskId(triageTaskId).count()).as("task still open").isEqualTo(1);
	}

	@Test
	void engineRestCompleteAndSubmitFormAnswer400WithTheSentence() throws Exception {
		String missingClassification = "{\"variables\":{\"service\":{\"value\":\"printing\"}}}";
		plainRefusal(postJson("/engine-rest/task/" + triageTaskId + "/complete", "alice", missingClassification),
				"Classification is required.");
		plainRefusal(postJson("/engine-rest/task/" + triageTaskId + "/submit-form", "alice",
				"{\"variables\":{\"service\":{\"value\":\"\"}}}"), "Service is required.");
	}

	@Test
	void tasklistSubmitFormAnswers400WithTheSentence() throws Exception {
		WebappSession tasklist = webappSession();
		assertThat(tasklist.login("tasklist", "alice", DEMO_PASSWORD).statusCode()).isEqualTo(200);
		// what Tasklist loads when the task is opened; the login started a new session with a new XSRF token
		assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + triageTaskId + "/form-variables")
			.statusCode()).isEqualTo(200);
		plainRefusal(tasklist.postJson("/camunda/api/engine/engine/default/task/" + triageTaskId + "/submit-form",
				"{\"variables\":{\"classification\":{\"value\":\"incident\"},\"service\":{\"value\":\"\"}}}"),
				"Service is required.");
	}

	@Test
	void aStartFormWithoutCallerAnswers400WithTheSentence() throws Exception {
		String definition = json.readTree(get("/engine-rest/process-definition/key/" + IncidentProcess.KEY, "alice")
			.body()).get("id").asText();
		HttpResponse<String> response = postJson("/engine-rest/process-definition/" + definition + "/submit-form",
				"alice", "{\"variables\":{\"title\":{\"value\":\"No caller\"}}}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("type").asText()).isEqualTo("InvalidSubmissionException");
		assertThat(body.get("message").asText()).isEqualTo("Caller is required.");
	}

}
