package org.incidentflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * U+0000 sent to the engine REST API: a 400 problem naming where it was, the same on H2 and PostgreSQL, and nothing
 * stored. On PostgreSQL these requests answered 500 before (the database refused the character inside the engine's
 * transaction).
 */
class EngineApiTextCheckTest extends WebTestSupport {

	final ObjectMapper json = new ObjectMapper();

	String taskId;

	@BeforeEach
	void triageTask() throws Exception {
		String service = "nul-" + UUID.randomUUID();
		HttpResponse<String> reported = postJson("/api/incidents", "alice", "{\"title\":\"Printer jammed\",\"service\":\""
				+ service + "\",\"type\":\"hardware\",\"impact\":\"low\",\"urgency\":\"low\"}");
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		String number = json.readTree(reported.body()).get("number").asText();
		JsonNode tasks = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + number, "alice").body());
		assertThat(tasks).hasSize(1);
		taskId = tasks.get(0).get("id").asText();
	}

	JsonNode refused(HttpResponse<String> response, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).get().asString()
			.startsWith("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
		assertThat(problem.get("errors").get(0).get("message").asText()).contains("U+0000");
		return problem;
	}

	@Test
	void aVariableWithNulIsRefusedAndNotStored() throws Exception {
		refused(putJson("/engine-rest/task/" + taskId + "/variables/note", "alice",
				"{\"value\":\"a\\u0000b\",\"type\":\"String\"}"), "value");
		refused(postJson("/engine-rest/task/" + taskId + "/variables", "alice",
				"{\"modifications\":{\"note\":{\"value\":\"x\\u0000\",\"type\":\"String\"}}}"), "modifications.note.value");

		assertThat(get("/engine-rest/task/" + taskId + "/variables/note", "alice").statusCode()).isEqualTo(404);
	}

	@Test
	void aNulInAVariableNameIsRefusedToo() throws Exception {
		refused(postJson("/engine-rest/task/" + taskId + "/variables", "alice",
				"{\"modifications\":{\"no\\u0000te\":{\"value\":\"x\",\"type\":\"String\"}}}"), "modifications.no\\u0000te");
	}

	@Test
	void aNulInAQueryParameterIsRefused() throws Exception {
		refused(get("/engine-rest/task?processInstanceBusinessKey=%00", "alice"), "processInstanceBusinessKey");
		refused(get("/engine-rest/history/variable-instance?variableName=a%00", "maria"), "variableName");
	}

	@Test
	void ordinaryTextStillReachesTheEngine() throws Exception {
		HttpResponse<String> stored = putJson("/engine-rest/task/" + taskId + "/variables/note", "alice",
				"{\"value\":\"a\\\\u0000b, ${not} an expression\",\"type\":\"String\"}");
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(204);
		assertThat(json.readTree(get("/engine-rest/task/" + taskId + "/variables/note", "alice").body())
			.get("value").asText()).isEqualTo("a\\u0000b, ${not} an expression");
	}

	@Test
	void bodiesThatAreNoJsonAreLeftToTheEngine() {
		assertThat(EngineApiTextCheck.firstNul("{\"a\":".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(EngineApiTextCheck.firstNul("[{\"a\":[\"ok\",\"b\\u0000\"]}]".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("0.a.1");
		assertThat(EngineApiTextCheck.firstNul("\"\\u0000\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("(body)");
	}

}
