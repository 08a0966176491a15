package org.incidentflow.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.incidentflow.WebTestSupport;
import org.incidentflow.chat.ChatConversationRepository;
import org.incidentflow.chat.ChatPlatform;
import org.incidentflow.chat.ChatSettings;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.outbound.chat.ChatReplySender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The same {@code /incident} commands from Mattermost (slash command token) and Microsoft Teams (outgoing webhook,
 * HMAC over the body), over real HTTP with the test profile's token and secret; public updates go to the configured
 * incoming webhooks (a local receiver).
 */
class MattermostTeamsCommandTest extends WebTestSupport {

	static final String MM_TOKEN = "mm-test-token-6k4rj9xq1a";
	static final String TEAMS_SECRET = "bNkhHHe7tEI0ELSvqPYdCsEpUIILV8rBQrYu3bF1uKw=";
	static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

	final ObjectMapper json = new ObjectMapper();
	final List<Long> links = new ArrayList<>();
	String mmTeam;
	String teamsUser;
	ChatReceiver receiver;

	@Autowired
	ChatSettings settings;
	@Autowired
	ChatReplySender sender;
	@Autowired
	ChatConversationRepository conversations;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	JdbcTemplate sql;

	@BeforeEach
	void linkRita() throws Exception {
		receiver = new ChatReceiver();
		settings.getMattermost().setWebhookUrl(receiver.url("/mattermost/hooks/abc"));
		settings.getTeams().setWebhookUrl(receiver.url("/teams/webhook"));
		sql.update("update chat_reply set status = 'FAILED' where status = 'PENDING'");
		mmTeam = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
		teamsUser = UUID.randomUUID().toString();
		link("mattermost", mmTeam + ":rdc9ak6lrfgfi8dtttw1mmfxhr");
		link("teams", TENANT + ":" + teamsUser);
	}

	@AfterEach
	void unlink() {
		settings.getMattermost().setWebhookUrl("");
		settings.getTeams().setWebhookUrl("");
		receiver.close();
		links.forEach(id -> delete("/api/chat-identities/" + id, "admin"));
	}

	void link(String platform, String externalId) throws Exception {
		HttpResponse<String> response = postJson("/api/chat-identities", "admin", json.writeValueAsString(
				Map.of("platform", platform, "externalId", externalId, "userId", "rita")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		links.add(json.readTree(response.body()).get("id").asLong());
	}

	// ---- Mattermost

	String mmBody(String text, String trigger) {
		return "channel_id=fukxanjgjbnp7ng383at53k1sy&channel_name=town-square&command=%2Fincident&response_url="
				+ URLEncoder.encode(receiver.url("/mattermost/response"), StandardCharsets.UTF_8) + "&team_domain=acme"
				+ "&team_id=" + mmTeam + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&token=" + MM_TOKEN
				+ "&trigger_id=" + trigger + "&user_id=rdc9ak6lrfgfi8dtttw1mmfxhr&user_name=rita";
	}

	HttpResponse<String> mattermost(String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/intake/mattermost"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	String text(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("text").asText();
	}

	long count(String title) {
		return sql.queryForObject("select count(*) from incident where title = ?", Long.class, title);
	}

	@Test
	void aMattermostCommandWithTheTokenOpensAnIncidentOnceAndItsUpdatesGoToTheChannel() throws Exception {
		String title = "Mattermost: wiki is down " + UUID.randomUUID();
		String trigger = "trg-" + UUID.randomUUID();
		HttpResponse<String> response = mattermost(mmBody(title, trigger), "Token " + MM_TOKEN);
		assertThat(json.readTree(response.body()).get("response_type").asText()).isEqualTo("ephemeral");
		String reply = text(response);
		assertThat(reply).startsWith("Opened INC-");
		String number = reply.substring("Opened ".length(), reply.indexOf(':'));
		Incident incident = incidents.findByNumber(number).orElseThrow();
		assertThat(incident.getChannel()).isEqualTo(Channel.CHAT);
		assertThat(incident.getCaller()).isEqualTo("rita");
		// a retry of the same command (same trigger_id), here with the token in the form only, opens nothing twice
		assertThat(text(mattermost(mmBody(title, trigger), null))).startsWith("Opened " + number + ":");
		assertThat(count(title)).isEqualTo(1);
		assertThat(text(mattermost(mmBody("status " + number, "trg-" + UUID.randomUUID()), null)))
			.startsWith(number + ": " + title);

		ok(postJson("/api/incidents/" + number + "/comments", "alice",
				"{\"body\":\"Wiki restarted\",\"visibility\":\"public\"}"));
		sender.drain(ActivityLog.now());
		List<ChatReceiver.Received> posted = receiver.at("/mattermost/hooks/abc");
		assertThat(posted).hasSize(1);
		JsonNode message = json.readTree(posted.get(0).body());
		assertThat(message.get("channel").asText()).isEqualTo("town-square");
		assertThat(message.get("text").asText()).contains(number).contains("alice commented: Wiki restarted");
		assertThat(conversations.findByIncidentNumberAndPlatform(number, ChatPlatform.MATTERMOST)).isPresent();
	}

	@Test
	void mattermostRequestsWithoutTheRightTokenAreRefusedAndStoreNothing() throws Exception {
		String title = "Forged MM " + UUID.randomUUID();
		String withoutToken = mmBody(title, "t-" + UUID.randomUUID()).replace("&token=" + MM_TOKEN, "");
		assertThat(mattermost(withoutToken, null).statusCode()).isEqualTo(401);
		assertThat(mattermost(withoutToken, "Token wrong-token").statusCode()).isEqualTo(401);
		assertThat(mattermost(withoutToken + "&token=" + MM_TOKEN + "x", null).statusCode()).isEqualTo(401);
		HttpResponse<String> refused = mattermost(withoutToken, "Token " + MM_TOKEN.substring(1));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).get().asString()
			.startsWith("application/problem+json");
		assertThat(count(title)).isZero();
	}

	// ---- Teams

	/** Independent of the product's code: Teams' documented scheme, computed here with the JDK. */
	static String teamsAuthorization(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
		return "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	String activity(String text, String id, Instant at) throws Exception {
		return json.writeValueAsString(Map.of("type", "message", "id", id, "timestamp", at.toString(),
				"serviceUrl", "https://smba.trafficmanager.net/emea/",
				"from", Map.of("id", "29:1abc", "name", "Rita Requester", "aadObjectId", teamsUser),
				"conversation", Map.of("id", "19:ops@thread.skype;messageid=" + id, "isGroup", true),
				"channelData", Map.of("tenant", Map.of("id", TENANT), "channel", Map.of("name", "Ops")),
				"text", "<at>Incident</at>&nbsp;" + text));
	}

	HttpResponse<String> teams(String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/intake/teams"))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	@Test
	void aSignedTeamsMessageOpensAnIncidentOnceAndItsUpdatesGoToTheIncomingWebhook() throws Exception {
		String title = "Teams: badge reader at gate 2 " + UUID.randomUUID();
		String id = "1485983408511";
		String body = activity(title, id + UUID.randomUUID(), ActivityLog.now());
		HttpResponse<String> response = teams(body, teamsAuthorization(TEAMS_SECRET, body));
		assertThat(json.readTree(response.body()).get("type").asText()).isEqualTo("message");
		String reply = text(response);
		assertThat(reply).startsWith("Opened INC-").contains(title);
		String number = reply.substring("Opened ".length(), reply.indexOf(':'));
		assertThat(incidents.findByNumber(number).orElseThrow().getCaller()).isEqualTo("rita");
		// Teams retries with the same activity: the same incident
		assertThat(text(teams(body, teamsAuthorization(TEAMS_SECRET, body)))).startsWith("Opened " + number + ":");
		assertThat(count(title)).isEqualTo(1);
		String status = activity("incident status " + number, "s-" + UUID.randomUUID(), ActivityLog.now());
		assertThat(text(teams(status, teamsAuthorization(TEAMS_SECRET, status)))).startsWith(number + ": " + title);

		ok(postJson("/api/incidents/" + number + "/comments", "alice",
				"{\"body\":\"Reader replaced\",\"visibility\":\"public\"}"));
		sender.drain(ActivityLog.now());
		List<ChatReceiver.Received> posted = receiver.at("/teams/webhook");
		assertThat(posted).hasSize(1);
		JsonNode card = json.readTree(posted.get(0).body()).get("attachments").get(0);
		assertThat(card.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(card.at("/content/body/0/text").asText()).contains(number).contains("Reader replaced");
	}

	@Test
	void unsignedTamperedExpiredAndMalformedTeamsMessagesAreRefusedAndStoreNothing() throws Exception {
		String title = "Forged Teams " + UUID.randomUUID();
		String body = activity(title, "f-" + UUID.randomUUID(), ActivityLog.now());
		String good = teamsAuthorization(TEAMS_SECRET, body);
		assertThat(teams(body, null).statusCode()).isEqualTo(401);
		assertThat(teams(body, "Bearer abc").statusCode()).isEqualTo(401);
		assertThat(teams(body.replace("Forged", "Tampered"), good).statusCode()).isEqualTo(401);
		assertThat(teams(body, teamsAuthorization(Base64.getEncoder().encodeToString(new byte[32]), body))
			.statusCode()).isEqualTo(401);
		String old = activity(title, "o-" + UUID.randomUUID(), ActivityLog.now().minusSeconds(6 * 60));
		HttpResponse<String> replayed = teams(old, teamsAuthorization(TEAMS_SECRET, old));
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(json.readTree(replayed.body()).get("title").asText()).isEqualTo("Expired Teams message");
		String notJson = "{not json";
		assertThat(teams(notJson, teamsAuthorization(TEAMS_SECRET, notJson)).statusCode()).isEqualTo(400);
		assertThat(count(title)).isZero();
	}

	@Test
	void teamsTextLosesTheMentionAndTheMarkup() {
		assertThat(TeamsIntakeController.text("<at>Incident</at>&nbsp;status INC-000123")).isEqualTo("status INC-000123");
		assertThat(TeamsIntakeController.text("<p><at>Incident</at> /incident Mail &amp; calendar down</p>"))
			.isEqualTo("Mail & calendar down");
		assertThat(TeamsIntakeController.text("<at>Incident</at> incidents are piling up"))
			.isEqualTo("incidents are piling up");
	}

	static HttpResponse<String> ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(201);
		return response;
	}

}
