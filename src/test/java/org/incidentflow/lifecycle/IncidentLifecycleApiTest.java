package org.incidentflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A full lifecycle through the real process over real HTTP (HTTP Basic, demo users): the caller works through
 * {@code /api}, the agents in Tasklist's way ({@code /engine-rest} as themselves). After every step the record's state
 * and the activity entries that step added are read back through {@code GET /api/incidents/{number}}.
 */
class IncidentLifecycleApiTest extends WebTestSupport {

	/** Tuesday 09:00 in the business-hours time zone: inside working time. */
	static final Instant TUESDAY_9 = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();

	final ObjectMapper json = new ObjectMapper();

	/** The agent's view (everything) of the incident under test, as of the last {@link #read()}. */
	JsonNode incident;
	String number;
	int seenActivity;

	@BeforeEach
	void setClock() {
		ClockUtil.setCurrentTime(Date.from(TUESDAY_9));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void reportedTriagedOnHoldResumedResolvedConfirmedClosed() throws Exception {
		report("Payroll export fails " + UUID.randomUUID());
		assertThat(incident.get("state").asText()).isEqualTo("new");
		assertThat(incident.get("priority").asInt()).isEqualTo(3);
		assertThat(incident.get("category").asText()).isEqualTo("application");
		assertThat(incident.get("assignmentGroup").asText()).isEqualTo("app-support");
		assertThat(incident.get("responseDueAt").asText()).isNotEmpty();
		assertThat(newEvents()).containsExactly("REPORTED", "CATEGORIZED", "PRIORITIZED");

		advance(Duration.ofMinutes(20));
		work("alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		assertThat(incident.get("state").asText()).isEqualTo("in_progress");
		assertThat(Instant.parse(incident.get("firstResponseAt").asText())).isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(20)));
		assertThat(newEvents()).containsExactlyInAnyOrder("TRIAGED", "STATE_CHANGED");
		assertThat(lastStateChange()).isEqualTo("new → in_progress");

		advance(Duration.ofMinutes(30));
		work("ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_caller", Vars.ON_HOLD_COMMENT, "Which cost centre is affected?"));
		assertThat(incident.get("state").asText()).isEqualTo("on_hold");
		assertThat(incident.get("onHoldReason").asText()).isEqualTo("awaiting_caller");
		assertThat(Instant.parse(incident.get("pausedSince").asText())).isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(50)));
		assertThat(incident.get("assignee").asText()).isEqualTo("ann");
		assertThat(newEvents()).containsExactlyInAnyOrder("COMMENT_ADDED", "PUT_ON_HOLD", "STATE_CHANGED");
		assertThat(lastStateChange()).isEqualTo("in_progress → on_hold");

		advance(Duration.ofMinutes(40));
		ok(postJson(path("/comments"), "rita", "{\"body\":\"Cost centre 4711\"}"), 201);
		read();
		assertThat(incident.get("state").asText()).isEqualTo("in_progress");
		assertThat(incident.has("pausedSince")).isFalse();
		assertThat(incident.get("pausedMillis").asLong()).isEqualTo(Duration.ofMinutes(40).toMillis());
		assertThat(newEvents()).containsExactlyInAnyOrder("COMMENT_ADDED", "RESUMED", "STATE_CHANGED");
		assertThat(lastStateChange()).isEqualTo("on_hold → in_progress");

		advance(Duration.ofHours(1));
		work("ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
				"configuration_change", Vars.RESOLUTION_NOTES, "Export mapping for cost centre 4711 fixed"));
		assertThat(incident.get("state").asText()).isEqualTo("resolved");
		assertThat(Instant.parse(incident.get("resolvedAt").asText()))
			.isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(150)));
		assertThat(incident.get("resolutionCode").asText()).isEqualTo("configuration_change");
		assertThat(newEvents()).containsExactlyInAnyOrder("RESOLVED", "STATE_CHANGED");

		advance(Duration.ofMinutes(15));
		ok(postJson(path("/confirmation"), "rita", "{\"accepted\":true}"), 200);
		read();
		assertThat(incident.get("state").asText()).isEqualTo("closed");
		assertThat(Instant.parse(incident.get("closedAt").asText())).isEqualTo(TUESDAY_9.plus(Duration.ofMinutes(165)));
		assertThat(newEvents()).containsExactlyInAnyOrder("CLOSED", "STATE_CHANGED");
		assertThat(lastStateChange()).isEqualTo("resolved → closed");

		// the caller sees her incident's public lifecycle, not the internal steps
		JsonNode callersView = json.readTree(ok(get(path(""), "rita"), 200).body());
		assertThat(events(callersView)).containsSubsequence("REPORTED", "PUT_ON_HOLD", "RESUMED", "RESOLVED", "CLOSED")
			.doesNotContain("CATEGORIZED", "PRIORITIZED", "FIELD_CHANGED");
	}

	@Test
	void rejectedResolutionReopensAndTheCallerCancels() throws Exception {
		report("Intranet search empty " + UUID.randomUUID());
		work("alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		work("ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
				"restart", Vars.RESOLUTION_NOTES, "Search index rebuilt"));
		assertThat(incident.get("state").asText()).isEqualTo("resolved");
		newEvents();

		ok(postJson(path("/confirmation"), "rita", "{\"accepted\":false,\"reason\":\"Still no results for HR\"}"), 200);
		read();
		assertThat(incident.get("state").asText()).isEqualTo("in_progress");
		assertThat(incident.get("reopenCount").asInt()).isEqualTo(1);
		assertThat(newEvents()).containsExactlyInAnyOrder("REOPENED", "STATE_CHANGED");
		assertThat(lastStateChange()).isEqualTo("resolved → in_progress");
		assertThat(openTask(Tasks.INVESTIGATE)).isNotNull();

		ok(postJson(path("/cancellation"), "rita", "{\"reason\":\"Works again after the weekend\"}"), 200);
		read();
		assertThat(incident.get("state").asText()).isEqualTo("canceled");
		assertThat(incident.get("cancelReason").asText()).isEqualTo("Works again after the weekend");
		assertThat(newEvents()).containsExactlyInAnyOrder("CANCELED", "STATE_CHANGED");
		assertThat(lastStateChange()).isEqualTo("in_progress → canceled");
		assertThat(openTask(Tasks.INVESTIGATE)).isNull();
	}

	@Test
	void triageHandsTheIncidentToItsGroupWithoutNamingTheTriageAgent() throws Exception {
		report("Payroll export fails " + UUID.randomUUID());
		assertThat(incident.get("assignmentGroup").asText()).isEqualTo("app-support");
		String triage = openTask(Tasks.TRIAGE).get("id").asText();
		ok(postJson("/engine-rest/task/" + triage + "/claim", "alice", "{\"userId\":\"alice\"}"), 204);
		read();
		assertThat(incident.get("assignee").asText()).isEqualTo("alice");

		work("alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		assertThat(incident.get("assignmentGroup").asText()).isEqualTo("app-support");
		assertThat(incident.has("assignee")).as("alice is not in app-support").isFalse();
		assertThat(openTask(Tasks.INVESTIGATE).has("assignee")
				&& !openTask(Tasks.INVESTIGATE).get("assignee").isNull()).isFalse();

		work("ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_caller", Vars.ON_HOLD_COMMENT, "Which cost centre?"));
		assertThat(incident.get("assignee").asText()).isEqualTo("ann");
	}

	@Test
	void theResponseDueDateStaysWhereItWasOnHoldAfterTheFirstResponse() throws Exception {
		report("Payroll export slow " + UUID.randomUUID());
		advance(Duration.ofMinutes(20));
		work("alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		Instant responseDue = Instant.parse(incident.get("responseDueAt").asText());
		Instant resolutionDue = Instant.parse(incident.get("resolutionDueAt").asText());

		work("ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "on_hold", Vars.ON_HOLD_REASON,
				"awaiting_caller", Vars.ON_HOLD_COMMENT, "Which cost centre is affected?"));
		advance(Duration.ofMinutes(40));
		ok(postJson(path("/comments"), "rita", "{\"body\":\"Cost centre 4711\"}"), 201);
		read();
		assertThat(incident.get("state").asText()).isEqualTo("in_progress");
		assertThat(Instant.parse(incident.get("responseDueAt").asText())).isEqualTo(responseDue);
		assertThat(Instant.parse(incident.get("resolutionDueAt").asText()))
			.isEqualTo(resolutionDue.plus(Duration.ofMinutes(40)));
	}

	// ---- steps

	void report(String title) throws Exception {
		HttpResponse<String> created = ok(postJson("/api/incidents", "rita", json.writeValueAsString(Map.of(
				"title", title, "description", "Since this morning", "service", "Payroll",
				"type", "software", "impact", "medium", "urgency", "medium"))), 201);
		number = json.readTree(created.body()).get("number").asText();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/incidents/" + number);
		read();
	}

	/** An agent does a task as in Tasklist: claims it (unless it is hers already) and completes it with the form. */
	void work(String agent, String taskKey, Map<String, Object> form) throws Exception {
		JsonNode task = openTask(taskKey);
		assertThat(task).as("open task " + taskKey).isNotNull();
		String id = task.get("id").asText();
		if (!agent.equals(task.path("assignee").asText(null))) {
			ok(postJson("/engine-rest/task/" + id + "/claim", agent, "{\"userId\":\"" + agent + "\"}"), 204);
		}
		Map<String, Object> variables = new java.util.HashMap<>();
		form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		ok(postJson("/engine-rest/task/" + id + "/complete", agent,
				json.writeValueAsString(Map.of("variables", variables))), 204);
		read();
	}

	/** The incident's open task with that key, as incident managers see it in Tasklist (null: none). */
	JsonNode openTask(String taskKey) throws Exception {
		JsonNode tasks = json.readTree(ok(get("/engine-rest/task?processInstanceBusinessKey=" + number
				+ "&taskDefinitionKey=" + taskKey + "&maxResults=10", "maria"), 200).body());
		return tasks.isEmpty() ? null : tasks.get(0);
	}

	void read() throws Exception {
		incident = json.readTree(ok(get(path(""), "alice"), 200).body());
	}

	/** The entries added since the last call, without the per-field audit rows (FIELD_CHANGED). */
	List<String> newEvents() {
		List<String> all = events(incident);
		List<String> added = all.subList(seenActivity, all.size()).stream()
			.filter(event -> !event.equals("FIELD_CHANGED")).toList();
		seenActivity = all.size();
		return added;
	}

	String lastStateChange() {
		JsonNode last = null;
		for (JsonNode entry : incident.get("activity")) {
			if (entry.get("event").asText().equals("STATE_CHANGED")) {
				last = entry;
			}
		}
		assertThat(last).isNotNull();
		return last.get("detail").asText();
	}

	static List<String> events(JsonNode incident) {
		List<String> events = new ArrayList<>();
		incident.get("activity").forEach(entry -> events.add(entry.get("event").asText()));
		return events;
	}

	String path(String suffix) {
		return "/api/incidents/" + number + suffix;
	}

	static HttpResponse<String> ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
		return response;
	}

	static void advance(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

}
