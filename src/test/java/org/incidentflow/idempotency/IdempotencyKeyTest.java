package org.incidentflow.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.IncidentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on {@code POST /api/incidents} and {@code POST /api/incidents/{n}/comments}, over real HTTP
 * on the test database: a retry gets the first answer and creates nothing, a reused key with another body is 422,
 * concurrent retries open one incident, keys expire after 24 hours.
 */
class IdempotencyKeyTest extends WebTestSupport {

	@Autowired
	IncidentRepository incidents;
	@Autowired
	CommentRepository comments;
	@Autowired
	RuntimeService runtimeService;
	@Autowired
	IdempotencyKeys keys;
	@Autowired
	IdempotentRequestRepository requests;

	final ObjectMapper json = new ObjectMapper();
	final String title = "Idempotent " + UUID.randomUUID();

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	String body(String title) {
		return "{\"title\":\"" + title + "\",\"type\":\"hardware\",\"impact\":\"low\",\"urgency\":\"low\"}";
	}

	HttpResponse<String> post(String path, String user, String key, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
			.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
		if (key != null) {
			request.header(IdempotencyKeys.HEADER, key);
		}
		return send(request);
	}

	long incidentsTitled(String title) {
		return incidents.findAll().stream().filter(i -> i.getTitle().equals(title)).count();
	}

	long instancesOf(String number) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count();
	}

	String number(HttpResponse<String> response) throws Exception {
		return json.readTree(response.body()).get("number").asText();
	}

	@Test
	void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = post("/api/incidents", "alice", key, body(title));
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

		// the same request, spelt differently (key order, spacing): still the same
		HttpResponse<String> retry = post("/api/incidents", "alice", key,
				"{ \"urgency\":\"low\", \"impact\":\"low\", \"type\":\"hardware\", \"title\":\"" + title + "\" }");
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(number(retry)).isEqualTo(number(first));
		assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(incidentsTitled(title)).isEqualTo(1);
		assertThat(instancesOf(number(first))).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIs422AndCreatesNothing() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(post("/api/incidents", "alice", key, body(title)).statusCode()).isEqualTo(201);

		HttpResponse<String> other = post("/api/incidents", "alice", key, body(title + " (changed)"));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(json.readTree(other.body()).get("title").asText()).isEqualTo("Idempotency-Key reused");
		assertThat(incidentsTitled(title + " (changed)")).isZero();
	}

	@Test
	void keysBelongToTheirUser() throws Exception {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> alices = post("/api/incidents", "alice", key, body(title));
		HttpResponse<String> ritas = post("/api/incidents", "rita", key, body(title));
		assertThat(ritas.statusCode()).isEqualTo(201);
		assertThat(number(ritas)).isNotEqualTo(number(alices));
	}

	@Test
	void aRefusedRequestLeavesNoKeySoTheCorrectedRequestRuns() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(post("/api/incidents", "alice", key, "{\"title\":\"" + title + "\",\"type\":\"hardware\"}")
			.statusCode()).isEqualTo(400);
		HttpResponse<String> corrected = post("/api/incidents", "alice", key, body(title));
		assertThat(corrected.statusCode()).isEqualTo(201);
		assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(incidentsTitled(title)).isEqualTo(1);
	}

	@Test
	void aMalformedKeyIs400() throws Exception {
		HttpResponse<String> response = post("/api/incidents", "alice", "x".repeat(256), body(title));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asText())
			.isEqualTo(IdempotencyKeys.HEADER);
		assertThat(incidentsTitled(title)).isZero();
	}

	@Test
	void aRetriedCommentIsAddedOnce() throws Exception {
		String number = number(post("/api/incidents", "alice", null, body(title)));
		String key = UUID.randomUUID().toString();
		String comment = "{\"body\":\"Printer still jams\"}";
		HttpResponse<String> first = post("/api/incidents/" + number + "/comments", "alice", key, comment);
		HttpResponse<String> retry = post("/api/incidents/" + number.toLowerCase() + "/comments", "alice", key,
				comment);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		JsonNode incident = json.readTree(get("/api/incidents/" + number, "alice").body());
		assertThat(incident.get("comments")).hasSize(1);

		// the same key on another incident's comments is another request
		String other = number(post("/api/incidents", "alice", null, body(title + " 2")));
		assertThat(post("/api/incidents/" + other + "/comments", "alice", key, comment).statusCode()).isEqualTo(422);
	}

	@Test
	void concurrentRetriesOpenOneIncident() throws Exception {
		String key = UUID.randomUUID().toString();
		int clients = 4;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				Callable<HttpResponse<String>> client = () -> {
					start.await();
					return post("/api/incidents", "alice", key, body(title));
				};
				answers.add(pool.submit(client));
			}
			start.countDown();
			List<String> numbers = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
				numbers.add(number(response));
			}
			assertThat(numbers).containsOnly(numbers.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(incidentsTitled(title)).isEqualTo(1);
	}

	@Test
	void keysExpireAfter24HoursAndAreDeleted() throws Exception {
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now));
		String key = UUID.randomUUID().toString();
		String first = number(post("/api/incidents", "alice", key, body(title)));

		ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(23))));
		assertThat(number(post("/api/incidents", "alice", key, body(title)))).isEqualTo(first);

		ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(25))));
		assertThat(keys.deleteExpired()).isPositive();
		assertThat(requests.findByPrincipalAndKey("alice", key)).isEmpty();
		HttpResponse<String> later = post("/api/incidents", "alice", key, body(title));
		assertThat(later.statusCode()).isEqualTo(201);
		assertThat(number(later)).isNotEqualTo(first);
		assertThat(incidentsTitled(title)).isEqualTo(2);
	}

	@Test
	void anExpiredKeyNotYetDeletedIsTakenOver() throws Exception {
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now));
		String key = UUID.randomUUID().toString();
		String first = number(post("/api/incidents", "alice", key, body(title)));
		ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofHours(25))));
		HttpResponse<String> later = post("/api/incidents", "alice", key, body(title + " new"));
		assertThat(later.statusCode()).isEqualTo(201);
		assertThat(number(later)).isNotEqualTo(first);
	}

}
