package org.incidentflow.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.intake.IntakeTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IntegrationTokenTest extends WebTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IncidentRepository incidents;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void anAdministratorCreatesATokenThatOpensTheIntakeAndIsShownOnce() throws Exception {
		HttpResponse<String> created = postJson("/api/integration-tokens", "admin",
				"{\"name\":\"alertmanager-prod\",\"scope\":\"intake.alertmanager\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(created.body());
		String token = body.get("token").asText();
		long id = body.get("id").asLong();
		assertThat(token).startsWith("ifi_").hasSizeGreaterThanOrEqualTo(40);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/integration-tokens/" + id);
		assertThat(body.get("createdBy").asText()).isEqualTo("admin");
		assertThat(body.get("principal").asText()).isEqualTo("integration:alertmanager-prod");
		assertThat(body.get("tokenEndsWith").asText()).isEqualTo(token.substring(token.length() - 4));

		// stored hashed; never shown again
		assertThat(jdbc.queryForObject("SELECT token_hash FROM integration_token WHERE id = ?", String.class, id))
			.isEqualTo(IntegrationTokens.hash(token)).doesNotContain(token);
		assertThat(get("/api/integration-tokens/" + id, "admin").body()).doesNotContain(token).contains("alertmanager-prod");
		assertThat(get("/api/integration-tokens", "admin").body()).doesNotContain(token);

		String run = IntakeTestSupport.newRun();
		HttpResponse<String> delivered = bearerPost("/api/intake/alertmanager", token,
				IntakeTestSupport.resource("alertmanager-firing.json", run));
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
		String number = JSON.readTree(delivered.body()).get("incidents").get(0).asText();
		Incident incident = incidents.findByNumber(number).orElseThrow();
		assertThat(incident.getCaller()).isEqualTo("integration:alertmanager-prod");
		assertThat(JSON.readTree(get("/api/integration-tokens/" + id, "admin").body()).get("lastUsedAt")).isNotNull();

		// the scope is one endpoint: Grafana's is closed to it, and so is everything else
		assertThat(bearerPost("/api/intake/grafana", token, IntakeTestSupport.resource("grafana-firing.json", run))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> elsewhere = bearerGet("/api/incidents", token);
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(elsewhere.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				value -> assertThat(value).contains("insufficient_scope"));
		assertThat(bearerGet("/engine-rest/task", token).statusCode()).isEqualTo(403);
		assertThat(bearerGet("/api/integration-tokens", token).statusCode()).isEqualTo(403);
		assertThat(bearerGet("/engine-rest/deployment", token).body()).doesNotContain("\"id\"");
	}

	@Test
	void aWrongOrRevokedTokenIsRefusedWith401AndLocksNothing() throws Exception {
		JsonNode created = JSON.readTree(postJson("/api/integration-tokens", "admin", "{\"name\":\"grafana\"}").body());
		String token = created.get("token").asText();
		assertThat(created.get("scope").asText()).isEqualTo("intake");

		for (int i = 0; i < 30; i++) {
			HttpResponse<String> wrong = bearerPost("/api/intake/grafana", "ifi_wrong" + i, "{}");
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
			assertThat(wrong.body()).contains("\"status\":401");
		}
		// nothing counted, nothing locked: the right token and monitoring's Basic login work at once
		assertThat(bearerPost("/api/intake/grafana", token,
				IntakeTestSupport.resource("grafana-firing.json", IntakeTestSupport.newRun())).statusCode()).isEqualTo(200);
		assertThat(postJson("/api/intake/grafana", "monitoring",
				IntakeTestSupport.resource("grafana-firing.json", IntakeTestSupport.newRun())).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = delete("/api/integration-tokens/" + created.get("id").asLong(), "admin");
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(revoked.body()).get("revoked").asBoolean()).isTrue();
		assertThat(JSON.readTree(revoked.body()).get("revokedBy").asText()).isEqualTo("admin");
		assertThat(bearerPost("/api/intake/grafana", token,
				IntakeTestSupport.resource("grafana-firing.json", IntakeTestSupport.newRun())).statusCode()).isEqualTo(401);
	}

	@Test
	void onlyAdministratorsManageTokens() {
		assertThat(postJson("/api/integration-tokens", "maria", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
		assertThat(get("/api/integration-tokens", "monitoring").statusCode()).isEqualTo(403);
		assertThat(delete("/api/integration-tokens/1", "alice").statusCode()).isEqualTo(403);
		assertThat(get("/api/integration-tokens/999999", "admin").statusCode()).isEqualTo(404);
		HttpResponse<String> invalid = postJson("/api/integration-tokens", "admin", "{\"name\":\"Bad Name\",\"scope\":\"all\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("name", "scope");
	}

	@Test
	void lastUsedIsWrittenAtMostOnceAMinute() throws Exception {
		Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		ClockUtil.setCurrentTime(Date.from(start));
		JsonNode created = JSON.readTree(postJson("/api/integration-tokens", "admin", "{\"name\":\"busy\"}").body());
		String token = created.get("token").asText();
		long id = created.get("id").asLong();
		for (int i = 0; i < 5; i++) {
			assertThat(bearerGet("/api/intake/nothing-here", token).statusCode()).isNotIn(401, 403);
			ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 10_000));
		}
		// first use at the start, the later ones within the minute wrote nothing
		assertThat(lastUsed(id)).isEqualTo(start);
		ClockUtil.setCurrentTime(Date.from(start.plusSeconds(65)));
		bearerGet("/api/intake/nothing-here", token);
		assertThat(lastUsed(id)).isEqualTo(start.plusSeconds(65));
	}

	private Instant lastUsed(long id) {
		return jdbc.queryForObject("SELECT last_used_at FROM integration_token WHERE id = ?",
				java.time.OffsetDateTime.class, id).toInstant();
	}

	private HttpResponse<String> bearerPost(String path, String token, String json) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> bearerGet(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
	}

}
