package org.incidentflow.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Slack slash command over real HTTP, signed with the test profile's signing secret. */
class SlackCommandTest extends WebTestSupport {

	final ObjectMapper json = new ObjectMapper();
	String team;
	String slackUser;
	long link;

	@Autowired
	IncidentRepository incidents;
	@Autowired
	JdbcTemplate sql;

	@BeforeEach
	void linkRita() throws Exception {
		team = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
		slackUser = "U2CERLKJA";
		HttpResponse<String> response = postJson("/api/chat-identities", "admin", json.writeValueAsString(
				Map.of("platform", "slack", "externalId", team + ":" + slackUser, "userId", "rita")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		link = json.readTree(response.body()).get("id").asLong();
	}

	@AfterEach
	void unlink() {
		delete("/api/chat-identities/" + link, "admin");
	}

	String body(String user, String text, String trigger) {
		return "token=ignored&team_id=" + team + "&team_domain=acme&channel_id=C0OPS&channel_name=ops&user_id=" + user
				+ "&user_name=rita&command=%2Fincident&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
				+ "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT%2F1%2Fx&trigger_id=" + trigger;
	}

	HttpResponse<String> slack(String body, long timestamp, String signature, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/intake/slack/commands"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Slack-Request-Timestamp", Long.toString(timestamp)).header("X-Slack-Signature", signature);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	HttpResponse<String> signed(String body, String... headers) {
		long now = ActivityLog.now().getEpochSecond();
		return slack(body, now, SlackSignature.sign(SlackSignatureTest.SECRET, now, body.getBytes(StandardCharsets.UTF_8)),
				headers);
	}

	String text(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode reply = json.readTree(response.body());
		assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
		return reply.get("text").asText();
	}

	long count(String title) {
		return sql.queryForObject("select count(*) from incident where title = ?", Long.class, title);
	}

	@Test
	void aSignedCommandOpensAnIncidentForTheLinkedUserOnceAndShowsItsStatus() throws Exception {
		String title = "Printer on the 3rd floor jams " + UUID.randomUUID();
		String trigger = "398738663015.47445629121." + UUID.randomUUID().toString().replace("-", "");
		String reply = text(signed(body(slackUser, title, trigger)));
		assertThat(reply).startsWith("Opened INC-").contains(title);
		String number = reply.substring("Opened ".length(), reply.indexOf(':'));

		Incident incident = incidents.findByNumber(number).orElseThrow();
		assertThat(incident.getChannel()).isEqualTo(Channel.CHAT);
		assertThat(incident.getCaller()).isEqualTo("rita");
		assertThat(incident.getTitle()).isEqualTo(title);
		assertThat(incident.getProcessInstanceId()).isNotNull();

		// Slack retries on a timeout with the same body (same trigger_id): the same incident, not a second one
		assertThat(text(signed(body(slackUser, title, trigger), "X-Slack-Retry-Num", "1")))
			.startsWith("Opened " + number + ":");
		assertThat(count(title)).isEqualTo(1);

		String status = text(signed(body(slackUser, "status " + number.toLowerCase(), "t-" + UUID.randomUUID())));
		assertThat(status).startsWith(number + ": " + title).contains("State new", "· P", "Last update", "reported");
		// the status command opens nothing
		assertThat(sql.queryForObject("select count(*) from incident where title like 'status %'", Long.class)).isZero();
	}

	@Test
	void unlinkedUsersAndOthersIncidentsGetAClearAnswerAndNothingHappens() throws Exception {
		String title = "Nobody knows me " + UUID.randomUUID();
		assertThat(text(signed(body("U0UNKNOWN", title, "t-" + UUID.randomUUID())))).contains("not linked");
		assertThat(count(title)).isZero();

		// rita is a requester: an incident of someone else is not hers to see
		Long other = sql.queryForObject("select min(id) from incident where caller <> 'rita'", Long.class);
		if (other != null) {
			String number = sql.queryForObject("select number from incident where id = ?", String.class, other);
			assertThat(text(signed(body(slackUser, "status " + number, "t-" + UUID.randomUUID()))))
				.isEqualTo("There is no incident " + number + " that you may see.");
		}
		assertThat(text(signed(body(slackUser, "status INC-999999999", "t-" + UUID.randomUUID()))))
			.contains("no incident INC-999999999");
		assertThat(text(signed(body(slackUser, "help", "t-" + UUID.randomUUID())))).contains("Usage");
	}

	@Test
	void unsignedTamperedReplayedAndForeignRequestsAreRefusedAndStoreNothing() throws Exception {
		String title = "Forged " + UUID.randomUUID();
		String body = body(slackUser, title, "t-" + UUID.randomUUID());
		long now = ActivityLog.now().getEpochSecond();
		String good = SlackSignature.sign(SlackSignatureTest.SECRET, now, body.getBytes(StandardCharsets.UTF_8));

		assertThat(slack(body, now, null).statusCode()).isEqualTo(401);
		assertThat(slack(body.replace("Forged", "Tampered"), now, good).statusCode()).isEqualTo(401);
		assertThat(slack(body, now, SlackSignature.sign("someone-elses-secret", now,
				body.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
		long old = now - 6 * 60;
		HttpResponse<String> replayed = slack(body, old,
				SlackSignature.sign(SlackSignatureTest.SECRET, old, body.getBytes(StandardCharsets.UTF_8)));
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(replayed.headers().firstValue("Content-Type")).get().asString()
			.startsWith("application/problem+json");
		assertThat(replayed.body()).contains("5 minutes");
		assertThat(count(title)).isZero();
		assertThat(count(title.replace("Forged", "Tampered"))).isZero();
	}

	@Test
	void onlyAdministratorsLinkUsersAndLinksAreChecked() throws Exception {
		assertThat(postJson("/api/chat-identities", "alice", "{\"platform\":\"slack\",\"externalId\":\"T1:U1\","
				+ "\"userId\":\"alice\"}").statusCode()).isEqualTo(403);
		HttpResponse<String> bad = postJson("/api/chat-identities", "admin",
				"{\"platform\":\"irc\",\"externalId\":\"not an id\",\"userId\":\"nobody-" + UUID.randomUUID() + "\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json.readTree(bad.body()).get("errors").findValues("field")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("platform", "externalId", "userId");
		HttpResponse<String> twice = postJson("/api/chat-identities", "admin", json.writeValueAsString(
				Map.of("platform", "slack", "externalId", team + ":" + slackUser, "userId", "ann")));
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("already linked");
	}

}
