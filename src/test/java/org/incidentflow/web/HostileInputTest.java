package org.incidentflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bad input to {@code /api} over real HTTP (Tomcat, the firewall, the filters, MVC): each is a 4xx problem naming the
 * field where there is one, and nothing is stored. Each case answered 500, 201 or Spring's default error JSON before.
 */
class HostileInputTest extends WebTestSupport {

	static final String PROBLEM = "application/problem+json";

	final ObjectMapper json = new ObjectMapper();

	@Autowired
	IncidentRepository incidents;

	String marker = "hostile-" + UUID.randomUUID();

	String report(String titleJson, String extra) {
		return "{\"title\":" + titleJson + ",\"service\":\"" + marker + "\",\"type\":\"hardware\",\"impact\":\"low\","
				+ "\"urgency\":\"low\"" + extra + "}";
	}

	JsonNode problem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
		return json.readTree(response.body());
	}

	void invalidField(HttpResponse<String> response, String field, String message) throws Exception {
		JsonNode problem = problem(response, 400);
		assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
		assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
		assertThat(problem.get("errors").get(0).get("message").asText()).contains(message);
	}

	long stored() {
		return incidents.findAll().stream().filter(i -> marker.equals(i.getService())).count();
	}

	// ---- JSON bodies

	@Test
	void duplicateKeyIsRefusedNamingIt() throws Exception {
		invalidField(postJson("/api/incidents", "alice", report("\"a\",\"title\":\"b\"", "")), "title",
				"appears more than once");
		assertThat(stored()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "title", "description", "caller", "service", "configurationItem" })
	void numbersAndBooleansAreNoText(String field) throws Exception {
		String body = report("\"Printer\"", ",\"" + field + "\":123");
		if (field.equals("title")) {
			body = report("123", "");
		}
		if (field.equals("service")) {
			body = "{\"title\":\"Printer\",\"service\":true,\"type\":\"hardware\",\"impact\":\"low\",\"urgency\":\"low\"}";
		}
		invalidField(postJson("/api/incidents", "alice", body), field, "must be a string");
		assertThat(stored()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"a\\u0000b\"", "\"\\u0000edge\\u0000\"" })
	void nulInATitleIsRefusedNotStripped(String title) throws Exception {
		invalidField(postJson("/api/incidents", "alice", report(title, "")), "title", "U+0000");
		assertThat(stored()).isZero();
	}

	@Test
	void nulInCommentsAndCancellationReasonsIsRefusedAndNothingIsAdded() throws Exception {
		HttpResponse<String> created = postJson("/api/incidents", "alice", report("\"Printer jams\"", ""));
		assertThat(created.statusCode()).isEqualTo(201);
		String number = json.readTree(created.body()).get("number").asText();

		invalidField(postJson("/api/incidents/" + number + "/comments", "alice", "{\"body\":\"a\\u0000b\"}"), "body",
				"U+0000");
		invalidField(postJson("/api/incidents/" + number + "/cancellation", "alice", "{\"reason\":\"x\\u0000\"}"),
				"reason", "U+0000");
		invalidField(postJson("/api/incidents/" + number + "/confirmation", "alice",
				"{\"accepted\":false,\"reason\":\"\\u0000\"}"), "reason", "U+0000");

		JsonNode incident = json.readTree(get("/api/incidents/" + number, "alice").body());
		assertThat(incident.get("state").asText()).isEqualTo("new");
		assertThat(incident.has("comments") && incident.get("comments").size() > 0).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1_500, 20_000 })
	void deeplyNestedBodiesAreRefused(int depth) throws Exception {
		String nested = "{\"x\":".repeat(depth) + "1" + "}".repeat(depth);
		JsonNode problem = problem(postJson("/api/incidents", "alice",
				"{\"title\":\"deep\",\"service\":\"" + marker + "\",\"deep\":" + nested + "}"), 400);
		assertThat(problem.get("detail").asText()).contains("nested too deeply");
		String arrays = "[".repeat(depth) + "]".repeat(depth);
		problem(postJson("/api/incidents", "alice", arrays), 400);
		assertThat(stored()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*", "no media type", "multipart/form-data" })
	void contentTypesThatAreNoMediaTypeAre415(String contentType) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/incidents"))
			.header("Authorization", basic("alice")).header("Content-Type", contentType)
			.POST(BodyPublishers.ofString(report("\"Printer\"", ""))));
		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
		assertThat(stored()).isZero();
	}

	// ---- query parameters

	@Test
	void unknownQueryParametersAreRefused() throws Exception {
		invalidField(get("/api/incidents?bogus=1", "alice"), "bogus", "unknown query parameter");
		invalidField(get("/api/incidents?state=new&configurationitem=x", "alice"), "configurationitem",
				"configurationItem");
		invalidField(get("/api/incidents/INC-000001?expand=all", "alice"), "expand", "takes none");
	}

	@Test
	void configurationItemFiltersByEquality() throws Exception {
		String ci = "ci-" + UUID.randomUUID();
		assertThat(postJson("/api/incidents", "alice", report("\"With CI\"", ",\"configurationItem\":\"" + ci + "\""))
			.statusCode()).isEqualTo(201);
		assertThat(postJson("/api/incidents", "alice", report("\"Other CI\"", ",\"configurationItem\":\"" + ci + "-2\""))
			.statusCode()).isEqualTo(201);

		JsonNode page = json.readTree(get("/api/incidents?configurationItem=" + ci, "alice").body());
		assertThat(page.get("totalElements").asInt()).isEqualTo(1);
		assertThat(page.get("content").get(0).get("configurationItem").asText()).isEqualTo(ci);
		assertThat(json.readTree(get("/api/incidents?configurationItem=nothing-" + ci, "alice").body())
			.get("totalElements").asInt()).isZero();
	}

	/** 2 MB of text in a description or a comment: a 4xx problem, nothing stored, never a 5xx. */
	@Test
	void twoMegabytesOfTextAreRefused() throws Exception {
		String big = "\"" + "x".repeat(2 * 1024 * 1024) + "\"";
		HttpResponse<String> report = postJson("/api/incidents", "alice", report("\"Big\"", ",\"description\":" + big));
		assertThat(report.statusCode()).as("status").isBetween(400, 499);
		assertThat(report.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
		assertThat(stored()).isZero();
	}

	/**
	 * 2 MB to each chat endpoint, unsigned and signed: refused before the body is verified or read (413), never a 5xx,
	 * and nothing stored.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/intake/slack/commands", "/api/intake/slack/interactions", "/api/intake/mattermost",
			"/api/intake/teams" })
	void twoMegabytesToAChatEndpointAreRefused(String path) throws Exception {
		long before = incidents.count();
		boolean teams = path.endsWith("/teams");
		String big = teams ? "{\"type\":\"message\",\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"
				: "team_id=T1&user_id=U1&token=mm-test-token-6k4rj9xq1a&text=" + "x".repeat(2 * 1024 * 1024);
		String type = teams ? "application/json" : "application/x-www-form-urlencoded";
		HttpResponse<String> unsigned = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
			.POST(BodyPublishers.ofString(big)));
		assertThat(unsigned.statusCode()).as(unsigned.body()).isIn(400, 401, 413);
		assertThat(unsigned.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
		long now = org.incidentflow.incident.ActivityLog.now().getEpochSecond();
		HttpResponse<String> signed = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
			.header("X-Slack-Request-Timestamp", Long.toString(now))
			.header("X-Slack-Signature", org.incidentflow.intake.chat.SlackSignature.sign(
					"8f742231b10e8888abcd99yyyzzz85a5", now, big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.header("Authorization", teams ? org.incidentflow.intake.chat.TeamsSignature.sign(
					"bNkhHHe7tEI0ELSvqPYdCsEpUIILV8rBQrYu3bF1uKw=", big.getBytes(java.nio.charset.StandardCharsets.UTF_8))
					: "Token mm-test-token-6k4rj9xq1a")
			.POST(BodyPublishers.ofString(big)));
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(413);
		assertThat(signed.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
		assertThat(incidents.count()).isEqualTo(before);
	}

	/** Tomcat dropped such a request without any answer while its request line exceeded 8 KB (found by the fuzz test). */
	@Test
	void aVeryLongQueryStringGetsAnAnswer() throws Exception {
		String value = "x".repeat(10_001);
		invalidField(get("/api/incidents?z=" + value + "&z=" + value + "&z=" + value, "alice"), "z", "");
		HttpResponse<String> webhook = send(HttpRequest.newBuilder(uri("/api/intake/grafana?z=" + value))
			.header("Authorization", basic("monitoring")).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{}")));
		assertThat(webhook.statusCode()).as(webhook.body()).isBetween(400, 499);
		assertThat(webhook.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
	}

	@Test
	void nulInAQueryParameterIsRefused() throws Exception {
		invalidField(get("/api/incidents?caller=%00", "alice"), "caller", "U+0000");
		invalidField(get("/api/incidents?q=a%00b", "alice"), "q", "U+0000");
	}

	// ---- paths the firewall refuses

	@ParameterizedTest
	@ValueSource(strings = { "/api//incidents", "/api/incidents;x=1", "/api/incidents/%2e%2e/incidents",
			"/engine-rest//task", "/api/incidents/a%2Fb", "/api/incidents/%2e", "/api/incidents/a%5Cb" })
	void oddPathsAre400Problems(String path) throws Exception {
		JsonNode problem = problem(get(path, "alice"), 400);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
	}

	@Test
	void pathsTomcatCannotDecodeAre400ProblemsToo() throws Exception {
		for (String path : new String[] { "/api/incidents/%00", "/api/incidents/a%5Cb", "/api/incidents/%C0%AF" }) {
			JsonNode problem = problem(get(path, "alice"), 400);
			assertThat(problem.get("detail").asText()).as(path).isNotBlank();
		}
	}

	@Test
	void aMultipartDeploymentTheFirewallRefusesIs400() throws Exception {
		String boundary = "b" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n<x/>\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest//deployment/create"))
			.header("Authorization", basic("paul")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body)));
		problem(response, 400);
	}

}
