package org.incidentflow.incident.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction survey through {@code POST /api/incidents/{number}/satisfaction}, over real HTTP and the real
 * process: the caller rates a resolved incident once; agents see the rating; every wrong request is a problem
 * naming the field (400), the wrong person (403), someone else's incident (404), too early or twice (409).
 */
class SatisfactionApiTest extends WebTestSupport {

	final ObjectMapper json = new ObjectMapper();

	@Test
	void theCallerRatesAResolvedIncidentOnceAndAgentsSeeIt() throws Exception {
		String number = report("rita");
		assertThat(rate(number, "rita", "{\"score\":4}").statusCode()).as("not resolved yet").isEqualTo(409);
		resolve(number);

		HttpResponse<String> rated = rate(number, "rita", "{\"score\":4,\"comment\":\"Quick and friendly\"}");
		assertThat(rated.statusCode()).isEqualTo(200);
		assertThat(json.readTree(rated.body()).get("csatScore").asInt()).isEqualTo(4);

		JsonNode agentView = json.readTree(get("/api/incidents/" + number, "alice").body());
		assertThat(agentView.get("csatScore").asInt()).isEqualTo(4);
		assertThat(agentView.get("csatComment").asText()).isEqualTo("Quick and friendly");
		assertThat(agentView.get("csatAt").asText()).isNotBlank();

		HttpResponse<String> again = rate(number, "rita", "{\"score\":1}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(get("/api/incidents/" + number, "alice").body()).get("csatScore").asInt())
			.as("the first answer stays").isEqualTo(4);
	}

	@Test
	void badRatingsAreProblemsNamingTheField() throws Exception {
		String number = report("rita");
		resolve(number);
		for (String body : new String[] { "{\"score\":0}", "{\"score\":6}", "{}", "{\"score\":\"four\"}",
				"{\"score\":3,\"comment\":\"" + "x".repeat(1001) + "\"}" }) {
			HttpResponse<String> refused = rate(number, "rita", body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			JsonNode problem = json.readTree(refused.body());
			assertThat(problem.get("errors").toString()).as(body).containsAnyOf("\"score\"", "\"comment\"");
		}
		assertThat(json.readTree(get("/api/incidents/" + number, "alice").body()).path("csatScore").isMissingNode())
			.as("nothing stored").isTrue();
	}

	@Test
	void onlyTheCallerRates() throws Exception {
		String number = report("rita");
		resolve(number);
		// another requester: as if the incident did not exist
		assertThat(rate(number, "rob", "{\"score\":5}").statusCode()).isEqualTo(404);
		assertThat(rate("INC-999999", "rob", "{\"score\":5}").statusCode()).isEqualTo(404);
		// an agent sees it but does not answer the caller's survey for her
		assertThat(rate(number, "alice", "{\"score\":5}").statusCode()).isEqualTo(403);
		assertThat(rate(number, "rita", "{\"score\":5}").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> rate(String number, String user, String body) {
		return postJson("/api/incidents/" + number + "/satisfaction", user, body);
	}

	private String report(String caller) throws Exception {
		HttpResponse<String> created = postJson("/api/incidents", caller, json.writeValueAsString(Map.of(
				"title", "Expense tool shows an error " + UUID.randomUUID(), "service", "Expenses",
				"type", "software", "impact", "low", "urgency", "low")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("number").asText();
	}

	/** The service desk triages and resolves, as in Tasklist: the caller's confirmation task is then open. */
	private void resolve(String number) throws Exception {
		work(number, "alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		work(number, "alice", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved",
				Vars.RESOLUTION_CODE, "user_error", Vars.RESOLUTION_NOTES, "Showed how to attach the receipt."));
		assertThat(json.readTree(get("/api/incidents/" + number, "alice").body()).get("state").asText())
			.isEqualTo("resolved");
	}

	private void work(String number, String agent, String taskKey, Map<String, Object> form) throws Exception {
		JsonNode tasks = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + number
				+ "&taskDefinitionKey=" + taskKey, agent).body());
		assertThat(tasks.size()).as(taskKey + " of " + number).isEqualTo(1);
		String id = tasks.get(0).get("id").asText();
		assertThat(postJson("/engine-rest/task/" + id + "/claim", agent, "{\"userId\":\"" + agent + "\"}")
			.statusCode()).isEqualTo(204);
		Map<String, Object> variables = new HashMap<>();
		form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		HttpResponse<String> done = postJson("/engine-rest/task/" + id + "/complete", agent,
				json.writeValueAsString(Map.of("variables", variables)));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
	}

}
