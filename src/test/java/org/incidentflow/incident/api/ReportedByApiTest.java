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
 * Reporting for someone else, over real HTTP and the real process: the reporter is kept on the record
 * ({@code reportedBy}) and follows the incident like its caller, but the decision on the resolution and the
 * satisfaction rating stay the caller's.
 */
class ReportedByApiTest extends WebTestSupport {

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aRequesterReportsForAColleagueAndBothFollowIt() throws Exception {
		String number = report("rita", "rob");

		JsonNode asReporter = details(number, "rita");
		assertThat(asReporter.get("caller").asText()).isEqualTo("rob");
		assertThat(asReporter.get("reportedBy").asText()).isEqualTo("rita");
		assertThat(asReporter.get("activity").toString()).contains("Reported via portal by rita for rob");
		assertThat(details(number, "rob").get("reportedBy").asText()).isEqualTo("rita");
		assertThat(get("/api/incidents?size=100&q=" + encode(number), "rita").body()).contains(number);
		assertThat(get("/api/incidents?size=100&q=" + encode(number), "rob").body()).contains(number);
		// anyone else who is not an agent: as if it did not exist
		assertThat(get("/api/incidents/" + number, "monitoring").statusCode()).isEqualTo(404);

		// the reporter adds what she knows, but only public comments
		assertThat(postJson("/api/incidents/" + number + "/comments", "rita",
				"{\"body\":\"It started after the docking station swap\"}").statusCode()).isEqualTo(201);
		assertThat(postJson("/api/incidents/" + number + "/comments", "rita",
				"{\"body\":\"note\",\"visibility\":\"internal\"}").statusCode()).isEqualTo(403);

		resolve(number);
		HttpResponse<String> byReporter = postJson("/api/incidents/" + number + "/confirmation", "rita",
				"{\"accepted\":true}");
		assertThat(byReporter.statusCode()).as("the caller decides").isEqualTo(403);
		assertThat(details(number, "alice").get("state").asText()).isEqualTo("resolved");
		assertThat(postJson("/api/incidents/" + number + "/confirmation", "rob", "{\"accepted\":true}")
			.statusCode()).isEqualTo(200);

		assertThat(postJson("/api/incidents/" + number + "/satisfaction", "rita", "{\"score\":5}").statusCode())
			.as("only the caller rates").isEqualTo(403);
		assertThat(postJson("/api/incidents/" + number + "/satisfaction", "rob", "{\"score\":4}").statusCode())
			.isEqualTo(200);
	}

	@Test
	void anAgentOnThePhoneIsTheReporterAndTheCallerSeesIt() throws Exception {
		String number = report("alice", "rob");
		assertThat(details(number, "rob").get("reportedBy").asText()).isEqualTo("alice");
		assertThat(details(number, "alice").get("caller").asText()).isEqualTo("rob");
		// and for herself a requester is both
		String own = report("rita", null);
		JsonNode details = details(own, "rita");
		assertThat(details.get("caller").asText()).isEqualTo("rita");
		assertThat(details.get("reportedBy").asText()).isEqualTo("rita");
		assertThat(get("/api/incidents/" + own, "rob").statusCode()).isEqualTo(404);

		// the portal's "My incidents" of an agent: what she reported or is the caller of, not all she may see
		var alice = new org.incidentflow.incident.Viewer("alice", java.util.Set.of("service-desk"));
		var followed = search.followedBy(new IncidentFilter(null, null, null, null, null, null, null, null, null, 0,
				100, java.util.List.of("updatedAt", "desc")), alice);
		assertThat(followed.content()).extracting(IncidentSummary::number).contains(number).doesNotContain(own);
	}

	@org.springframework.beans.factory.annotation.Autowired
	IncidentSearch search;

	private JsonNode details(String number, String user) throws Exception {
		HttpResponse<String> response = get("/api/incidents/" + number, user);
		assertThat(response.statusCode()).as(user + " reads " + number).isEqualTo(200);
		return json.readTree(response.body());
	}

	private String report(String reporter, String caller) throws Exception {
		Map<String, Object> body = new HashMap<>(Map.of("title", "Docking station not detected " + UUID.randomUUID(),
				"service", "Workplace", "type", "hardware", "impact", "low", "urgency", "low"));
		if (caller != null) {
			body.put("caller", caller);
		}
		HttpResponse<String> created = postJson("/api/incidents", reporter, json.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("number").asText();
	}

	/** The service desk triages and resolves, as in Tasklist: the caller's confirmation task is then open. */
	private void resolve(String number) throws Exception {
		work(number, "alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		JsonNode tasks = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + number
				+ "&taskDefinitionKey=" + Tasks.INVESTIGATE, "maria").body());
		String group = tasks.get(0).path("id").asText();
		assertThat(group).isNotBlank();
		work(number, "maria", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved",
				Vars.RESOLUTION_CODE, "workaround", Vars.RESOLUTION_NOTES, "Use the USB-C port on the left.",
				Vars.WORKAROUND, "Use the USB-C port on the left."));
	}

	private void work(String number, String agent, String taskKey, Map<String, Object> form) throws Exception {
		JsonNode tasks = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + number
				+ "&taskDefinitionKey=" + taskKey, agent).body());
		assertThat(tasks.size()).as(taskKey + " of " + number).isEqualTo(1);
		String id = tasks.get(0).get("id").asText();
		Map<String, Object> variables = new HashMap<>();
		form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		HttpResponse<String> done = postJson("/engine-rest/task/" + id + "/complete", agent,
				json.writeValueAsString(Map.of("variables", variables)));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
	}

}
