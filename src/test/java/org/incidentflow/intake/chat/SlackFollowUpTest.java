package org.incidentflow.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.incidentflow.WebTestSupport;
import org.incidentflow.chat.ChatConversationRepository;
import org.incidentflow.chat.ChatPlatform;
import org.incidentflow.chat.ChatReply;
import org.incidentflow.chat.ChatReplyRepository;
import org.incidentflow.chat.ChatSettings;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.State;
import org.incidentflow.outbound.chat.ChatReplySender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Following an incident from Slack, over real HTTP: the command opens it in a channel, its public updates are posted
 * back into a thread there (chat.postMessage with the bot token, to a local stand-in for Slack's Web API), the
 * resolution notice carries buttons, and pressing them completes the caller's confirmation task exactly as the API
 * does. Also: an unlinked Slack user mapped by e-mail (users.info), and a receiver that fails twice.
 */
class SlackFollowUpTest extends WebTestSupport {

	static final String THREAD = "1700000000.000100";

	final ObjectMapper json = new ObjectMapper();
	final List<Long> links = new ArrayList<>();
	String team;
	ChatReceiver slack;
	String savedToken;
	java.net.URI savedApi;

	@Autowired
	ChatSettings settings;
	@Autowired
	ChatReplySender sender;
	@Autowired
	ChatReplyRepository replies;
	@Autowired
	ChatConversationRepository conversations;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	ActivityRepository activity;
	@Autowired
	JdbcTemplate sql;

	@BeforeEach
	void slackStandIn() throws Exception {
		slack = new ChatReceiver();
		slack.defaults.put("/api/chat.postMessage", "{\"ok\":true,\"channel\":\"C0OPS\",\"ts\":\"" + THREAD + "\"}");
		savedToken = settings.getSlack().getBotToken();
		savedApi = settings.getSlack().getApiUrl();
		settings.getSlack().setBotToken("xoxb-test-token");
		settings.getSlack().setApiUrl(java.net.URI.create(slack.url("/api/")));
		team = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
		// replies other tests left pending are not this test's to send
		sql.update("update chat_reply set status = 'FAILED' where status = 'PENDING'");
	}

	@AfterEach
	void restore() {
		settings.getSlack().setBotToken(savedToken);
		settings.getSlack().setApiUrl(savedApi);
		slack.close();
		links.forEach(id -> delete("/api/chat-identities/" + id, "admin"));
	}

	void link(String slackUser, String userId) throws Exception {
		HttpResponse<String> response = postJson("/api/chat-identities", "admin", json.writeValueAsString(
				Map.of("platform", "slack", "externalId", team + ":" + slackUser, "userId", userId)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		links.add(json.readTree(response.body()).get("id").asLong());
	}

	HttpResponse<String> signed(String path, String body) {
		long now = ActivityLog.now().getEpochSecond();
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", Long.toString(now))
			.header("X-Slack-Signature", SlackSignature.sign(SlackSignatureTest.SECRET, now,
					body.getBytes(StandardCharsets.UTF_8)))
			.POST(BodyPublishers.ofString(body)));
	}

	String command(String slackUser, String text) throws Exception {
		String body = "team_id=" + team + "&channel_id=C0OPS&channel_name=ops&user_id=" + slackUser
				+ "&command=%2Fincident&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
				+ URLEncoder.encode(slack.url("/commands/1"), StandardCharsets.UTF_8) + "&trigger_id=t-"
				+ UUID.randomUUID();
		return reply(signed("/api/intake/slack/commands", body));
	}

	String press(String slackUser, String action, String number) throws Exception {
		Map<String, Object> payload = Map.of("type", "block_actions",
				"user", Map.of("id", slackUser, "team_id", team), "team", Map.of("id", team),
				"channel", Map.of("id", "C0OPS"), "response_url", slack.url("/actions/" + slackUser),
				"trigger_id", "t-" + UUID.randomUUID(),
				"actions", List.of(Map.of("type", "button", "action_id", action, "value", number,
						"block_id", "resolution_" + number)));
		return reply(signed("/api/intake/slack/interactions",
				"payload=" + URLEncoder.encode(json.writeValueAsString(payload), StandardCharsets.UTF_8)));
	}

	String reply(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode reply = json.readTree(response.body());
		assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
		return reply.get("text").asText();
	}

	static String number(String opened) {
		assertThat(opened).startsWith("Opened INC-");
		return opened.substring("Opened ".length(), opened.indexOf(':'));
	}

	List<JsonNode> posted(String number) throws Exception {
		List<JsonNode> mine = new ArrayList<>();
		for (ChatReceiver.Received r : slack.at("/api/chat.postMessage")) {
			JsonNode body = json.readTree(r.body());
			if (body.path("text").asText().contains(number)) {
				assertThat(r.authorization()).isEqualTo("Bearer xoxb-test-token");
				mine.add(body);
			}
		}
		return mine;
	}

	@Test
	void publicUpdatesGoToTheThreadAndTheButtonsConfirmTheResolutionAsTheCaller() throws Exception {
		link("U0RITA", "rita");
		link("U0ALICE", "alice");
		String number = number(command("U0RITA", "VPN drops every hour " + UUID.randomUUID()));
		assertThat(conversations.findByIncidentNumberAndPlatform(number, ChatPlatform.SLACK)).get()
			.satisfies(c -> assertThat(c.getChannel()).isEqualTo("C0OPS"));
		Incident opened = incidents.findByNumber(number).orElseThrow();
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(opened.getId()).get(0).getActor())
			.as("the audit trail names the Slack user's product user").isEqualTo("rita");

		work(number, "alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident", Vars.SERVICE, "Network"));
		ok(postJson("/api/incidents/" + number + "/comments", "alice",
				"{\"body\":\"We are looking at the VPN gateway\",\"visibility\":\"public\"}"), 201);
		ok(postJson("/api/incidents/" + number + "/comments", "alice",
				"{\"body\":\"internal: gateway firmware 4.2 suspected\",\"visibility\":\"internal\"}"), 201);
		work(number, "ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
				"configuration_change", Vars.RESOLUTION_NOTES, "Gateway keep-alive raised"));

		// nothing is posted before the drain: the replies wait in the outbox, committed with the changes
		assertThat(posted(number)).isEmpty();
		sender.drain(ActivityLog.now());
		List<JsonNode> thread = posted(number);
		assertThat(thread).hasSize(2);
		assertThat(thread.get(0).get("channel").asText()).isEqualTo("C0OPS");
		assertThat(thread.get(0).get("text").asText()).contains("alice commented: We are looking at the VPN gateway");
		assertThat(thread.get(0).has("thread_ts")).as("the first message starts the thread").isFalse();
		assertThat(thread.get(1).get("thread_ts").asText()).isEqualTo(THREAD);
		assertThat(thread.get(1).get("text").asText()).contains(number + " (").contains("is resolved")
			.contains("Gateway keep-alive raised");
		JsonNode buttons = thread.get(1).get("blocks").get(1).get("elements");
		assertThat(buttons.get(0).get("action_id").asText()).isEqualTo("confirm_resolution");
		assertThat(buttons.get(0).get("value").asText()).isEqualTo(number);
		assertThat(buttons.get(1).get("action_id").asText()).isEqualTo("reject_resolution");
		assertThat(slack.received).noneMatch(r -> r.body().contains("firmware 4.2"));

		// reject asks for the reason; nothing changes until it is given
		assertThat(press("U0RITA", "reject_resolution", number)).contains("/incident reject " + number);
		assertThat(incidents.findByNumber(number).orElseThrow().getState()).isEqualTo(State.RESOLVED);
		assertThat(command("U0RITA", "reject " + number)).contains("Tell us what is still wrong");
		// only the caller answers the resolution from chat
		assertThat(press("U0ALICE", "confirm_resolution", number)).contains("Only the caller");
		assertThat(incidents.findByNumber(number).orElseThrow().getState()).isEqualTo(State.RESOLVED);

		assertThat(press("U0RITA", "confirm_resolution", number)).contains("confirmed");
		Incident closed = incidents.findByNumber(number).orElseThrow();
		assertThat(closed.getState()).isEqualTo(State.CLOSED);
		List<ActivityEntry> trail = activity.findByIncidentIdOrderByAtAscIdAsc(closed.getId());
		ActivityEntry closing = trail.stream().filter(e -> "CLOSED".equals(e.getEvent())).findFirst().orElseThrow();
		assertThat(closing.getDetail()).startsWith("Resolution confirmed by the caller");
		assertThat(closing.getActor()).isEqualTo("rita");
		// a second press (or a retried one) changes nothing
		assertThat(press("U0RITA", "confirm_resolution", number)).contains("not waiting");

		sender.drain(ActivityLog.now());
		// the answers to the buttons went to the presser's response_url, shown only to them
		List<ChatReceiver.Received> answers = slack.at("/actions/U0RITA");
		assertThat(answers).hasSize(3);
		JsonNode first = json.readTree(answers.get(0).body());
		assertThat(first.get("response_type").asText()).isEqualTo("ephemeral");
		assertThat(first.get("replace_original").asBoolean()).isFalse();
		assertThat(first.get("text").asText()).contains("/incident reject " + number);
		assertThat(posted(number)).hasSize(3).last()
			.satisfies(m -> assertThat(m.get("text").asText()).contains("is closed"))
			.satisfies(m -> assertThat(m.get("thread_ts").asText()).isEqualTo(THREAD));
	}

	@Test
	void aRejectionWithAReasonReopensTheIncident() throws Exception {
		link("U0RITA", "rita");
		String number = number(command("U0RITA", "Printer offline " + UUID.randomUUID()));
		work(number, "alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident", Vars.SERVICE, "Network"));
		work(number, "ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
				"configuration_change", Vars.RESOLUTION_NOTES, "Driver reinstalled"));
		assertThat(command("U0RITA", "status " + number)).contains("Waiting for your answer");
		assertThat(command("U0RITA", "reject " + number + " still prints nothing")).contains("rejected");
		Incident incident = incidents.findByNumber(number).orElseThrow();
		assertThat(incident.getState()).isNotIn(State.RESOLVED, State.CLOSED);
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()))
			.anyMatch(e -> "REOPENED".equals(e.getEvent()) && "rita".equals(e.getActor()));
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheSameReplyAThirdTime() throws Exception {
		link("U0RITA", "rita");
		String number = number(command("U0RITA", "Flaky Slack " + UUID.randomUUID()));
		slack.planned.put("/api/chat.postMessage", new ArrayList<>(List.of(new ChatReceiver.Planned(500, ""),
				new ChatReceiver.Planned(200, "{\"ok\":false,\"error\":\"ratelimited\"}"))));
		ok(postJson("/api/incidents/" + number + "/comments", "alice",
				"{\"body\":\"On it\",\"visibility\":\"public\"}"), 201);
		Instant t0 = ActivityLog.now();
		sender.drain(t0);
		ChatReply reply = replies.findByIncidentNumberOrderByIdAsc(number).get(0);
		assertThat(reply.getAttempts()).isEqualTo(1);
		assertThat(reply.getLastError()).isEqualTo("HTTP 500");
		assertThat(reply.getNextAttemptAt()).isEqualTo(t0.plusSeconds(10));
		sender.drain(t0.plusSeconds(5));
		assertThat(replies.findById(reply.getId()).orElseThrow().getAttempts()).as("not due yet").isEqualTo(1);
		sender.drain(t0.plusSeconds(11));
		assertThat(replies.findById(reply.getId()).orElseThrow().getLastError())
			.isEqualTo("Slack chat.postMessage: ratelimited");
		sender.drain(t0.plusSeconds(11 + 21));
		ChatReply sent = replies.findById(reply.getId()).orElseThrow();
		assertThat(sent.getStatus()).isEqualTo(ChatReply.Status.SENT);
		assertThat(sent.getAttempts()).isEqualTo(3);
		List<JsonNode> tries = posted(number);
		assertThat(tries).hasSize(3).allSatisfy(t -> assertThat(t.get("text").asText()).contains("On it"));
		sender.drain(t0.plusSeconds(3600));
		assertThat(posted(number)).as("sent once it succeeded, never again").hasSize(3);
	}

	@Test
	void anUnlinkedSlackUserIsMappedByTheirEmailAddressRememberedInTheDatabase() throws Exception {
		String slackUser = "U0" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
		slack.defaults.put("/api/users.info", "{\"ok\":true,\"user\":{\"id\":\"" + slackUser
				+ "\",\"profile\":{\"email\":\"rita@incidentflow.example\"}}}");
		String number = number(command(slackUser, "Mapped by e-mail " + UUID.randomUUID()));
		assertThat(incidents.findByNumber(number).orElseThrow().getCaller()).isEqualTo("rita");
		List<ChatReceiver.Received> lookups = slack.at("/api/users.info");
		assertThat(lookups).hasSize(1);
		assertThat(lookups.get(0).query()).isEqualTo("user=" + slackUser);
		assertThat(lookups.get(0).authorization()).isEqualTo("Bearer xoxb-test-token");
		assertThat(sql.queryForObject("select email from chat_user_email where external_id = ?", String.class,
				team + ":" + slackUser)).isEqualTo("rita@incidentflow.example");

		// the next command asks Slack nothing: the address is remembered (in the database, for every node)
		assertThat(command(slackUser, "status " + number)).startsWith(number);
		assertThat(slack.at("/api/users.info")).hasSize(1);

		// an address no user has maps to nobody, and nothing is created
		String stranger = slackUser + "X";
		slack.defaults.put("/api/users.info", "{\"ok\":true,\"user\":{\"id\":\"" + stranger
				+ "\",\"profile\":{\"email\":\"nobody@elsewhere.example\"}}}");
		String title = "Stranger " + UUID.randomUUID();
		assertThat(command(stranger, title)).contains("not linked");
		assertThat(sql.queryForObject("select count(*) from incident where title = ?", Long.class, title)).isZero();
	}

	@Test
	void interactionsAreVerifiedLikeCommands() throws Exception {
		link("U0RITA", "rita");
		String body = "payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0RITA\",\"team_id\":\""
				+ team + "\"},\"actions\":[{\"action_id\":\"confirm_resolution\",\"value\":\"INC-000001\"}]}",
				StandardCharsets.UTF_8);
		long now = ActivityLog.now().getEpochSecond();
		String good = SlackSignature.sign(SlackSignatureTest.SECRET, now, body.getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder unsigned = HttpRequest.newBuilder(uri("/api/intake/slack/interactions"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body));
		assertThat(send(unsigned).statusCode()).isEqualTo(401);
		HttpRequest.Builder tampered = HttpRequest.newBuilder(uri("/api/intake/slack/interactions"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", Long.toString(now)).header("X-Slack-Signature", good)
			.POST(BodyPublishers.ofString(body.replace("INC-000001", "INC-000002")));
		assertThat(send(tampered).statusCode()).isEqualTo(401);
		long old = now - 301;
		HttpRequest.Builder replayed = HttpRequest.newBuilder(uri("/api/intake/slack/interactions"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", Long.toString(old))
			.header("X-Slack-Signature", SlackSignature.sign(SlackSignatureTest.SECRET, old,
					body.getBytes(StandardCharsets.UTF_8)))
			.POST(BodyPublishers.ofString(body));
		assertThat(send(replayed).statusCode()).isEqualTo(401);
		HttpResponse<String> noPayload = signed("/api/intake/slack/interactions", "nothing=here");
		assertThat(noPayload.statusCode()).isEqualTo(400);
		assertThat(json.readTree(noPayload.body()).get("errors").get(0).get("field").asText()).isEqualTo("payload");
		assertThat(signed("/api/intake/slack/interactions", "payload=%7Bnot+json").statusCode()).isEqualTo(400);
	}

	/** An agent does a task as in Tasklist: claims it and completes it with the form. */
	void work(String number, String agent, String taskKey, Map<String, Object> form) throws Exception {
		JsonNode tasks = json.readTree(ok(get("/engine-rest/task?processInstanceBusinessKey=" + number
				+ "&taskDefinitionKey=" + taskKey + "&maxResults=10", "maria"), 200).body());
		assertThat(tasks).as("open task " + taskKey).isNotEmpty();
		JsonNode task = tasks.get(0);
		String id = task.get("id").asText();
		if (!agent.equals(task.path("assignee").asText(null))) {
			ok(postJson("/engine-rest/task/" + id + "/claim", agent, "{\"userId\":\"" + agent + "\"}"), 204);
		}
		Map<String, Object> variables = new HashMap<>();
		form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		ok(postJson("/engine-rest/task/" + id + "/complete", agent,
				json.writeValueAsString(Map.of("variables", variables))), 204);
	}

	static HttpResponse<String> ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
		return response;
	}

}
