package org.incidentflow.outbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.outbound.OutboxDrain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Outgoing webhooks end to end: administrators subscribe over {@code /api/webhooks}, an incident goes through its
 * lifecycle over real HTTP, the outbox is drained, and a local receiver on 127.0.0.1 (the JDK's HTTP server; the
 * host is allowed in the test profile) checks every delivery's Standard Webhooks signature.
 */
class WebhookDeliveryTest extends WebTestSupport {

	static final String SECRET = WebhookSignatureTest.SECRET;

	/** What the receiver got: path, headers, body. */
	record Received(String path, String id, String timestamp, String signature, String userAgent, String body) {

		JsonNode json() {
			try {
				return new ObjectMapper().readTree(body);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

	}

	final ObjectMapper json = new ObjectMapper();
	final List<Received> received = new CopyOnWriteArrayList<>();
	/** Status to answer per path, consumed front to back; 200 when empty. */
	final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();

	HttpServer receiver;
	List<Long> created = new ArrayList<>();

	@Autowired
	WebhookSender sender;
	@Autowired
	WebhookDeliveryRepository deliveries;
	@Autowired
	WebhookSubscriptionRepository subscriptions;
	@Autowired
	JdbcTemplate sql;
	@Autowired
	ActivityLog activity;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	TransactionTemplate transaction;

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String path = exchange.getRequestURI().getPath();
				received.add(new Received(path, exchange.getRequestHeaders().getFirst("webhook-id"),
						exchange.getRequestHeaders().getFirst("webhook-timestamp"),
						exchange.getRequestHeaders().getFirst("webhook-signature"),
						exchange.getRequestHeaders().getFirst("User-Agent"),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				List<Integer> planned = answers.getOrDefault(path, List.of());
				int status = planned.isEmpty() ? 200 : planned.remove(0);
				if (status / 100 == 3) {
					exchange.getResponseHeaders().add("Location", target("/redirected"));
				}
				exchange.sendResponseHeaders(status, -1);
			}
			finally {
				exchange.close();
			}
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
		// deliveries go with their subscription (ON DELETE CASCADE): later tests' incidents queue nothing
		created.forEach(id -> subscriptions.deleteById(id));
	}

	String target(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	long subscribe(Map<String, Object> request) throws Exception {
		HttpResponse<String> response = postJson("/api/webhooks", "admin", json.writeValueAsString(request));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = json.readTree(response.body());
		created.add(body.get("id").asLong());
		return body.get("id").asLong();
	}

	@Test
	void aSubscriberReceivesEveryLifecycleEventSignedInEveryTemplate() throws Exception {
		long generic = subscribe(Map.of("url", target("/generic"), "events", List.of("incident.*"), "secret", SECRET));
		subscribe(Map.of("url", target("/pagerduty"), "events", List.of("incident.created", "incident.updated",
				"incident.resolved", "incident.closed"), "template", "pagerduty", "routingKey", "R0UTINGKEY0123",
				"secret", SECRET));
		subscribe(Map.of("url", target("/slack"), "events", List.of("incident.created", "incident.resolved"),
				"template", "slack", "secret", SECRET));
		// a subscription to major incidents only hears nothing of an ordinary incident
		subscribe(Map.of("url", target("/major"), "events", List.of("major_incident.*"), "secret", SECRET));

		String number = report("Payroll export fails " + UUID.randomUUID());
		work(number, "alice", Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		work(number, "ann", Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
				"configuration_change", Vars.RESOLUTION_NOTES, "Export mapping fixed"));
		ok(postJson("/api/incidents/" + number + "/confirmation", "rita", "{\"accepted\":true}"), 200);

		// nothing is sent before the drain: the rows wait in the outbox, committed with the changes
		assertThat(received).isEmpty();
		assertThat(deliveries.findByIncidentNumberOrderByIdAsc(number)).isNotEmpty()
			.allMatch(d -> d.getStatus() == WebhookDelivery.Status.PENDING);
		OutboxDrain.Result result = sender.drain(ActivityLog.now());
		assertThat(result.failed()).isZero();

		List<Received> mine = received.stream().filter(r -> r.body().contains(number)).toList();
		for (Received delivery : mine) {
			assertThat(WebhookSignature.verify(SECRET, delivery.id(), Long.parseLong(delivery.timestamp()),
					delivery.body(), delivery.signature())).as("signature of %s", delivery).isTrue();
			assertThat(delivery.signature()).startsWith("v1,");
			assertThat(delivery.userAgent()).startsWith("IncidentFlow-Webhooks/");
		}

		List<Received> genericOnes = mine.stream().filter(r -> r.path().equals("/generic")).toList();
		assertThat(genericOnes.stream().map(r -> r.json().get("type").asText()).toList())
			.startsWith("incident.created").endsWith("incident.closed")
			.containsSubsequence("incident.created", "incident.updated", "incident.resolved", "incident.closed");
		assertThat(genericOnes.stream().map(r -> r.json().at("/data/activity/event").asText()).toList())
			.containsSubsequence("REPORTED", "TRIAGED", "RESOLVED", "CLOSED");
		JsonNode closed = genericOnes.get(genericOnes.size() - 1).json();
		assertThat(closed.at("/data/number").asText()).isEqualTo(number);
		assertThat(closed.at("/data/state").asText()).isEqualTo("closed");
		assertThat(closed.at("/data/resolvedAt").asText()).isNotEmpty();
		assertThat(closed.at("/data/url").asText()).endsWith("/api/incidents/" + number);
		// the webhook-id is the event's id, one per event
		assertThat(genericOnes).allMatch(r -> r.id().equals(r.json().at("/data/id").asText()));
		assertThat(genericOnes.stream().map(Received::id).distinct().count()).isEqualTo(genericOnes.size());

		List<JsonNode> pagerDuty = mine.stream().filter(r -> r.path().equals("/pagerduty")).map(Received::json)
			.toList();
		assertThat(pagerDuty).hasSameSizeAs(genericOnes);
		assertThat(pagerDuty).allMatch(e -> e.get("dedup_key").asText().equals(number)
				&& e.get("routing_key").asText().equals("R0UTINGKEY0123"));
		assertThat(pagerDuty.get(0).get("event_action").asText()).isEqualTo("trigger");
		assertThat(pagerDuty.get(0).at("/payload/severity").asText()).isEqualTo("warning");
		assertThat(pagerDuty.get(0).at("/payload/summary").asText()).startsWith(number + " Payroll export fails");
		assertThat(pagerDuty.stream().map(e -> e.get("event_action").asText()).toList())
			.contains("acknowledge").endsWith("resolve", "resolve");

		List<JsonNode> slack = mine.stream().filter(r -> r.path().equals("/slack")).map(Received::json).toList();
		assertThat(slack).hasSize(2);
		assertThat(slack.get(0).get("text").asText()).startsWith("New incident: " + number);
		assertThat(slack.get(1).get("text").asText()).startsWith("Resolved: " + number);
		assertThat(slack.get(1).at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");

		assertThat(received).noneMatch(r -> r.path().equals("/major"));

		// the deliveries and their outcome, per subscription
		JsonNode listed = json.readTree(ok(get("/api/webhooks/" + generic + "/deliveries?size=100", "admin"), 200)
			.body());
		assertThat(listed.get("totalElements").asInt()).isEqualTo(genericOnes.size());
		for (JsonNode delivery : listed.get("content")) {
			assertThat(delivery.get("status").asText()).isEqualTo("delivered");
			assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
			assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
			assertThat(delivery.get("incidentNumber").asText()).isEqualTo(number);
		}
		// a second drain sends nothing again
		int before = received.size();
		sender.drain(ActivityLog.now().plus(Duration.ofHours(2)));
		assertThat(received).hasSize(before);
	}

	@Test
	void aReceiverFailingTwiceGetsTheEventTheThirdTimeWithTheSameId() throws Exception {
		answers.put("/flaky", new ArrayList<>(List.of(500, 503)));
		long id = subscribe(Map.of("url", target("/flaky"), "events", List.of("incident.created"), "secret", SECRET));
		String number = report("VPN drops " + UUID.randomUUID());

		Instant t0 = ActivityLog.now();
		sender.drain(t0);
		// backoff: not again before the initial wait (30 s in the defaults) has passed
		sender.drain(t0.plusSeconds(10));
		WebhookDelivery afterOne = deliveries.findByIncidentNumberOrderByIdAsc(number).get(0);
		assertThat(afterOne.getAttempts()).isEqualTo(1);
		assertThat(afterOne.getLastStatusCode()).isEqualTo(500);
		assertThat(afterOne.getNextAttemptAt()).isEqualTo(t0.plusSeconds(30));

		sender.drain(t0.plusSeconds(31));
		// doubled: 60 s after the second failure
		sender.drain(t0.plusSeconds(31 + 59));
		sender.drain(t0.plusSeconds(31 + 61));

		List<Received> attempts = received.stream().filter(r -> r.path().equals("/flaky")).toList();
		assertThat(attempts).hasSize(3);
		assertThat(attempts).extracting(Received::id).containsOnly(attempts.get(0).id());
		assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
		// each attempt is signed at its own time, and every signature verifies
		assertThat(attempts).extracting(Received::timestamp).doesNotHaveDuplicates();
		assertThat(attempts).allMatch(r -> WebhookSignature.verify(SECRET, r.id(), Long.parseLong(r.timestamp()),
				r.body(), r.signature()));

		WebhookDelivery done = deliveries.findByIncidentNumberOrderByIdAsc(number).get(0);
		assertThat(done.getStatus()).isEqualTo(WebhookDelivery.Status.DELIVERED);
		assertThat(done.getAttempts()).isEqualTo(3);
		assertThat(done.getEventId()).isEqualTo(attempts.get(0).id());
		assertThat(subscriptions.findById(id).orElseThrow().getConsecutiveFailures()).isZero();
	}

	@Test
	void aRedirectIsNotFollowedAndCountsAsAFailedAttempt() throws Exception {
		// a redirect could send the signed event to any address the guard never saw resolved
		answers.put("/moved", new ArrayList<>(List.of(302)));
		subscribe(Map.of("url", target("/moved"), "events", List.of("incident.created"), "secret", SECRET));
		String number = report("Printer jams " + UUID.randomUUID());

		sender.drain(ActivityLog.now());

		assertThat(received).extracting(Received::path).contains("/moved").doesNotContain("/redirected");
		WebhookDelivery delivery = deliveries.findByIncidentNumberOrderByIdAsc(number).get(0);
		assertThat(delivery.getAttempts()).isEqualTo(1);
		assertThat(delivery.getLastStatusCode()).isEqualTo(302);
		assertThat(delivery.getStatus()).isNotEqualTo(WebhookDelivery.Status.DELIVERED);
	}

	@Test
	void aGoneReceiverDisablesTheSubscriptionAndAdministratorsAreTold() throws Exception {
		answers.put("/gone", new ArrayList<>(List.of(410)));
		long id = subscribe(Map.of("url", target("/gone"), "events", List.of("incident.created", "incident.updated"),
				"secret", SECRET));
		String number = report("Printer offline " + UUID.randomUUID());
		sender.drain(ActivityLog.now());

		JsonNode subscription = json.readTree(ok(get("/api/webhooks/" + id, "admin"), 200).body());
		assertThat(subscription.get("enabled").asBoolean()).isFalse();
		assertThat(subscription.get("disabledReason").asText()).contains("410");
		assertThat(subscription.has("secret")).isFalse();
		// one attempt: the first delivery is given up, the others wait for the subscription to be enabled again
		assertThat(received.stream().filter(r -> r.path().equals("/gone"))).hasSize(1);
		assertThat(deliveries.findByIncidentNumberOrderByIdAsc(number)).extracting(WebhookDelivery::getStatus)
			.startsWith(WebhookDelivery.Status.FAILED).contains(WebhookDelivery.Status.PENDING);
		assertThat(sql.queryForObject("select count(*) from notification_outbox where incident_number = ? and kind = "
				+ "'WEBHOOK_DISABLED' and audience_type = 'GROUP' and audience = 'camunda-admin'", Long.class, number))
			.isEqualTo(1);

		// enabled again: the waiting deliveries go out
		ok(patchJson("/api/webhooks/" + id, "admin", "{\"enabled\":true}"), 200);
		sender.drain(ActivityLog.now());
		assertThat(deliveries.findByIncidentNumberOrderByIdAsc(number)).extracting(WebhookDelivery::getStatus)
			.startsWith(WebhookDelivery.Status.FAILED).doesNotContain(WebhookDelivery.Status.PENDING);
	}

	@Test
	void internalTargetsAndBadInputAreRefusedNamingTheField() throws Exception {
		assertRefused(Map.of("url", "http://10.0.0.1/hook", "events", List.of("incident.created")), "url", "private");
		assertRefused(Map.of("url", "http://169.254.169.254/latest/meta-data", "events", List.of("incident.*")),
				"url", "link-local");
		// only 127.0.0.1 is allowed in the test profile, not every name that resolves to loopback
		assertRefused(Map.of("url", "http://localhost:" + receiver.getAddress().getPort() + "/x", "events",
				List.of("incident.*")), "url", "loopback");
		assertRefused(Map.of("url", "gopher://127.0.0.1/x", "events", List.of("incident.*")), "url", "http");
		assertRefused(Map.of("url", target("/x"), "events", List.of("incident.deleted")), "events", "unknown");
		assertRefused(Map.of("url", target("/x"), "events", List.of()), "events", "at least one");
		assertRefused(Map.of("url", target("/x"), "events", List.of("incident.*"), "secret", "hunter2"), "secret",
				"whsec_");
		assertRefused(Map.of("url", target("/x"), "events", List.of("incident.*"), "template", "teams"), "template",
				"generic");
		assertRefused(Map.of("url", target("/x"), "events", List.of("incident.*"), "template", "pagerduty"),
				"routingKey", "integration key");
		assertThat(sql.queryForObject("select count(*) from webhook_subscription where url like '%/x' or url like "
				+ "'%10.0.0.1%' or url like '%169.254%'", Long.class)).isZero();

		// the administrators' API only
		HttpResponse<String> agent = postJson("/api/webhooks", "alice",
				json.writeValueAsString(Map.of("url", target("/x"), "events", List.of("incident.*"))));
		assertThat(agent.statusCode()).isEqualTo(403);
		assertThat(get("/api/webhooks", "rita").statusCode()).isEqualTo(403);
		assertThat(anonymousGet("/api/webhooks").statusCode()).isEqualTo(401);
		assertThat(get("/api/webhooks/999999999", "admin").statusCode()).isEqualTo(404);
	}

	@Test
	void aRotatedSecretSignsBesideTheOldOneDuringTheGracePeriod() throws Exception {
		long id = subscribe(Map.of("url", target("/rotated"), "events", List.of("incident.created"), "secret", SECRET));
		String fresh = WebhookSignature.newSecret();
		JsonNode rotated = json.readTree(ok(postJson("/api/webhooks/" + id + "/secret", "admin",
				json.writeValueAsString(Map.of("secret", fresh, "gracePeriod", "PT2H"))), 200).body());
		assertThat(rotated.get("secret").asText()).isEqualTo(fresh);
		Instant until = Instant.parse(rotated.get("previousSecretValidUntil").asText());
		assertThat(until).isAfter(ActivityLog.now().plus(Duration.ofMinutes(119)));

		String during = report("Rotation, during grace " + UUID.randomUUID());
		sender.drain(ActivityLog.now());
		Received first = received.stream().filter(r -> r.body().contains(during)).findFirst().orElseThrow();
		assertThat(first.signature().split(" ")).hasSize(2);
		assertThat(WebhookSignature.verify(fresh, first.id(), Long.parseLong(first.timestamp()), first.body(),
				first.signature())).as("new secret").isTrue();
		assertThat(WebhookSignature.verify(SECRET, first.id(), Long.parseLong(first.timestamp()), first.body(),
				first.signature())).as("old secret, still in its grace period").isTrue();

		String after = report("Rotation, after grace " + UUID.randomUUID());
		sender.drain(until.plusSeconds(1));
		Received second = received.stream().filter(r -> r.body().contains(after)).findFirst().orElseThrow();
		assertThat(second.signature().split(" ")).hasSize(1);
		assertThat(WebhookSignature.verify(fresh, second.id(), Long.parseLong(second.timestamp()), second.body(),
				second.signature())).isTrue();
		assertThat(WebhookSignature.verify(SECRET, second.id(), Long.parseLong(second.timestamp()), second.body(),
				second.signature())).as("old secret after its grace period").isFalse();

		// without a body: a generated secret and the configured grace period
		JsonNode generated = json.readTree(ok(send(java.net.http.HttpRequest.newBuilder(uri("/api/webhooks/" + id
				+ "/secret")).header("Authorization", basic("admin")).POST(BodyPublishers.noBody())), 200).body());
		assertThat(WebhookSignature.problem(generated.get("secret").asText())).isNull();
		assertThat(generated.get("secret").asText()).isNotEqualTo(fresh);

		assertThat(postJson("/api/webhooks/" + id + "/secret", "alice", "{}").statusCode()).isEqualTo(403);
		assertThat(postJson("/api/webhooks/999999999/secret", "admin", "{}").statusCode()).isEqualTo(404);
		JsonNode bad = json.readTree(ok(postJson("/api/webhooks/" + id + "/secret", "admin",
				"{\"secret\":\"not-a-secret\"}"), 400).body());
		assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("secret");
		bad = json.readTree(ok(postJson("/api/webhooks/" + id + "/secret", "admin",
				"{\"gracePeriod\":\"tomorrow\"}"), 400).body());
		assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("gracePeriod");
		bad = json.readTree(ok(postJson("/api/webhooks/" + id + "/secret", "admin",
				"{\"gracePeriod\":\"P90D\"}"), 400).body());
		assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("gracePeriod");
	}

	@Test
	void administratorsManageSubscriptions() throws Exception {
		HttpResponse<String> response = postJson("/api/webhooks", "admin", json.writeValueAsString(
				Map.of("url", target("/managed"), "events", List.of("incident.resolved"), "description", "Ops")));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode createdOne = json.readTree(response.body());
		long id = createdOne.get("id").asLong();
		created.add(id);
		assertThat(response.headers().firstValue("Location")).hasValue("/api/webhooks/" + id);
		// a generated secret, shown once
		assertThat(WebhookSignature.problem(createdOne.get("secret").asText())).isNull();
		assertThat(createdOne.get("template").asText()).isEqualTo("generic");
		assertThat(createdOne.get("enabled").asBoolean()).isTrue();
		assertThat(createdOne.get("createdBy").asText()).isEqualTo("admin");

		JsonNode changed = json.readTree(ok(patchJson("/api/webhooks/" + id, "admin",
				"{\"events\":[\"incident.created\",\"incident.closed\"],\"enabled\":false}"), 200).body());
		assertThat(changed.get("events")).extracting(JsonNode::asText)
			.containsExactly("incident.created", "incident.closed");
		assertThat(changed.get("enabled").asBoolean()).isFalse();
		assertThat(changed.has("secret")).isFalse();
		assertRefusedPatch(id, "{\"url\":\"http://192.168.0.10/\"}", "url");

		JsonNode list = json.readTree(ok(get("/api/webhooks", "admin"), 200).body());
		assertThat(list.findValues("id")).extracting(JsonNode::asLong).contains(id);
		assertThat(list.findValues("secret")).isEmpty();

		// a disabled subscription queues nothing
		String number = report("Laptop battery " + UUID.randomUUID());
		assertThat(deliveries.findByIncidentNumberOrderByIdAsc(number)).isEmpty();

		ok(delete("/api/webhooks/" + id, "admin"), 204);
		assertThat(get("/api/webhooks/" + id, "admin").statusCode()).isEqualTo(404);
	}

	@Test
	void deliveriesAreQueuedExactlyWhenTheChangeCommits() throws Exception {
		subscribe(Map.of("url", target("/tx"), "events", List.of("incident.updated"), "secret", SECRET));
		String number = report("Shared drive full " + UUID.randomUUID());
		int before = deliveries.findByIncidentNumberOrderByIdAsc(number).size();

		transaction.executeWithoutResult(status -> {
			activity.event(incidents.findByNumber(number).orElseThrow(), "ESCALATED", "to network-ops");
			status.setRollbackOnly();
		});
		assertThat(deliveries.findByIncidentNumberOrderByIdAsc(number)).hasSize(before);

		transaction.executeWithoutResult(status -> activity.event(incidents.findByNumber(number).orElseThrow(),
				"ESCALATED", "to network-ops"));
		assertThat(deliveries.findByIncidentNumberOrderByIdAsc(number)).hasSize(before + 1);
		// an internal work note is not news for other systems
		transaction.executeWithoutResult(status -> activity.event(incidents.findByNumber(number).orElseThrow(),
				"WORK_NOTE_ADDED", "checked the quota"));
		assertThat(deliveries.findByIncidentNumberOrderByIdAsc(number)).hasSize(before + 1);
	}

	// ---- helpers

	void assertRefused(Map<String, Object> request, String field, String message) throws Exception {
		HttpResponse<String> response = postJson("/api/webhooks", "admin", json.writeValueAsString(request));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).get().asString()
			.startsWith("application/problem+json");
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors.findValues("field")).extracting(JsonNode::asText).as(response.body()).contains(field);
		assertThat(response.body()).contains(message);
	}

	void assertRefusedPatch(long id, String body, String field) throws Exception {
		HttpResponse<String> response = patchJson("/api/webhooks/" + id, "admin", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("errors").findValues("field")).extracting(JsonNode::asText)
			.contains(field);
	}

	HttpResponse<String> patchJson(String path, String user, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
			.header("Content-Type", "application/json").method("PATCH", BodyPublishers.ofString(body)));
	}

	String report(String title) throws Exception {
		HttpResponse<String> created = ok(postJson("/api/incidents", "rita", json.writeValueAsString(Map.of(
				"title", title, "description", "Since this morning", "service", "Payroll",
				"type", "software", "impact", "medium", "urgency", "medium"))), 201);
		return json.readTree(created.body()).get("number").asText();
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
