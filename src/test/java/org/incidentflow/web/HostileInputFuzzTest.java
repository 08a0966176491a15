package org.incidentflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.incidentflow.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Property-based fuzzing of every endpoint of {@code /api/openapi} and both monitoring webhooks against the running
 * product on the test database (PostgreSQL in CI). Requests are generated from the OpenAPI description: each
 * operation, its path and query parameters and its JSON body (the schema's properties with hostile values: U+0000,
 * wrong JSON types, long and odd text, deep nesting, duplicated and unknown properties), plus unknown parameters, odd
 * Content-Types and Idempotency-Keys, and bodies that are no JSON at all. For every request:
 * <ul>
 * <li>no 5xx;</li>
 * <li>every error is an RFC 9457 problem ({@code application/problem+json}, its {@code status} the HTTP status);</li>
 * <li>a refused request changed nothing (incidents, comments, alerts, process instances counted before and after);</li>
 * <li>no record or process instance is half-created: every incident has its process instance and vice versa.</li>
 * </ul>
 * Tries per property: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties, 250; override with
 * {@code -Djqwik.tries.default=5000}). jqwik shrinks a failing request to a small one and prints it.
 * <p>
 * jqwik runs outside JUnit Jupiter's Spring extension: the shared test context (same configuration as every
 * {@link WebTestSupport} test, so the same cached context) is injected by a {@link TestContextManager}.
 */
class HostileInputFuzzTest extends WebTestSupport {

	/** An incident every generated request may aim at (its number fills the path parameters). */
	private static String target;

	private static JsonNode openApi;

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	DataSource dataSource;

	JdbcTemplate sql;

	/** Start of the fuzzing: other test classes leave instances of test models behind, which are not looked at. */
	private static java.sql.Timestamp since;
	/** Highest incident id before fuzzing: other tests of the shared context report incidents on a future engine clock. */
	private static long idsBefore;

	/** One generated request. */
	record Hostile(String user, String method, String path, String contentType, String idempotencyKey, String body) {

		@Override
		public String toString() {
			String shown = body == null ? null : body.length() > 300 ? body.substring(0, 300) + "… (" + body.length()
					+ " chars)" : body;
			return user + " " + method + " " + path + " [" + contentType + "] key=" + idempotencyKey + " " + shown;
		}

	}

	@BeforeProperty
	void springContext() throws Exception {
		// what Jupiter's SpringExtension does for a test class: the class callbacks (the test listeners prepare the
		// shared engine, e.g. process coverage off for classes that do not measure it), then the injection
		TestContextManager spring = new TestContextManager(getClass());
		spring.beforeTestClass();
		spring.prepareTestInstance(this);
		sql = new JdbcTemplate(dataSource);
		synchronized (HostileInputFuzzTest.class) {
			if (target == null) {
				since = new java.sql.Timestamp(System.currentTimeMillis() - 1_000);
				idsBefore = sql.queryForObject("select coalesce(max(id), 0) from incident", Long.class);
				HttpResponse<String> spec = get("/api/openapi", "alice");
				assertThat(spec.statusCode()).isEqualTo(200);
				HttpResponse<String> created = postJson("/api/incidents", "rita", "{\"title\":\"Fuzz target "
						+ UUID.randomUUID() + "\",\"type\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}");
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				openApi = JSON.readTree(spec.body());
				target = JSON.readTree(created.body()).get("number").asText();
			}
		}
	}

	@Property
	void everyApiEndpointAnswersHostileInputWithAProblemAndStoresNothingHalfWay(
			@ForAll("apiRequests") Hostile request) throws Exception {
		check(request);
	}

	@Property
	void bothWebhooksAnswerHostileNotificationsWithAProblemAndStoreNothing(
			@ForAll("webhookRequests") Hostile request) throws Exception {
		check(request);
	}

	// ---- the checks

	private void check(Hostile request) throws Exception {
		Map<String, Long> before = counts();
		HttpResponse<String> response = send(request);
		int status = response.statusCode();
		assertThat(status).as("status of %s: %s", request, response.body()).isLessThan(500);
		if (status >= 400) {
			assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", request).get()
				.asString().startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.path("status").asInt()).as("problem of %s: %s", request, response.body())
				.isEqualTo(status);
			assertThat(counts()).as("a refused request changed nothing: %s", request).isEqualTo(before);
		}
		assertThat(halfCreated()).as("incidents without process instance or the reverse after %s", request)
			.isZero();
	}

	private HttpResponse<String> send(Hostile request) {
		HttpRequest.Builder http = HttpRequest.newBuilder(uri(request.path()))
			.header("Authorization", basic(request.user()));
		if (request.contentType() != null) {
			http.header("Content-Type", request.contentType());
		}
		if (request.idempotencyKey() != null) {
			http.header("Idempotency-Key", request.idempotencyKey());
		}
		http.method(request.method(), request.body() == null ? BodyPublishers.noBody()
				: BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
		return send(http);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("incident", "incident_comment", "monitoring_alert", "monitoring_alert_group",
				"configuration_item",
				"idempotency_key", "act_hi_procinst", "known_error", "knowledge_article", "knowledge_article_revision",
				"knowledge_article_feedback")) {
			counts.put(table, sql.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	/**
	 * Incidents reported during the fuzzing (by id) without their process instance, and instances started up to a
	 * minute from now without their record: other test classes leave records and instances dated years ahead by the
	 * engine clock, some with their history cleaned up on purpose (reporting.EngineHistoryCleanupTest).
	 */
	private long halfCreated() {
		java.sql.Timestamp until = new java.sql.Timestamp(System.currentTimeMillis() + 60_000);
		Long records = sql.queryForObject("select count(*) from incident i where i.id > ? and ("
				+ "i.process_instance_id is null or not exists (select 1 from act_hi_procinst p "
				+ "where p.proc_inst_id_ = i.process_instance_id))", Long.class, idsBefore);
		Long instances = sql.queryForObject("select count(*) from act_hi_procinst p where p.start_time_ >= ? "
				+ "and p.start_time_ <= ? and p.proc_def_key_ = 'incident-management' and not exists (select 1 "
				+ "from incident i where i.number = p.business_key_)", Long.class, since, until);
		return records + instances;
	}

	// ---- generators: the API from its OpenAPI description

	@Provide
	Arbitrary<Hostile> apiRequests() {
		List<Arbitrary<Hostile>> operations = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			path.getValue().fields().forEachRemaining(operation -> operations.add(
					operation(path.getKey(), operation.getKey().toUpperCase(), operation.getValue())));
		}
		assertThat(operations).as("operations in /api/openapi").hasSizeGreaterThanOrEqualTo(6);
		return Arbitraries.oneOf(operations);
	}

	private Arbitrary<Hostile> operation(String template, String method, JsonNode operation) {
		List<String> query = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if ("query".equals(parameter.path("in").asText())) {
				query.add(parameter.get("name").asText());
			}
		}
		JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json")
			.path("schema"));
		Arbitrary<String> path = pathValue().map(number -> template.replaceAll("\\{[^}]+}", number));
		Arbitrary<String> queryString = queryString(query);
		Arbitrary<String> body = schema.isMissingNode() || schema.isNull() ? Arbitraries.oneOf(
				Arbitraries.just((String) null), garbage()) : body(schema);
		return Combinators.combine(users(), path, queryString, contentTypes(), idempotencyKeys(), body)
			.as((user, p, q, type, key, b) -> new Hostile(user, method, p + q, b == null ? null : type, key, b));
	}

	private Arbitrary<String> pathValue() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(6, Arbitraries.just(target)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(target.toLowerCase())),
				net.jqwik.api.Tuple.of(1, Arbitraries.just("INC-999999999")),
				net.jqwik.api.Tuple.of(2, hostileText().map(HostileInputFuzzTest::encodePath)));
	}

	private Arbitrary<String> queryString(List<String> known) {
		Arbitrary<String> name = known.isEmpty() ? Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
				: Arbitraries.oneOf(Arbitraries.of(known), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
		Arbitrary<String> value = Arbitraries.oneOf(hostileText(), Arbitraries.of("0", "-1", "101", "1,2", "new",
				"priority,asc", "reportedAt,desc", "x,desc", "security"));
		Arbitrary<String> pair = Combinators.combine(name, value).as((n, v) -> encode(n) + "=" + encode(v));
		return pair.list().ofMaxSize(3).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
	}

	private Arbitrary<String> body(JsonNode schema) {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
		List<String> names = new ArrayList<>(properties.keySet());
		Arbitrary<String> member = Arbitraries.oneOf(
				Arbitraries.of(names).flatMap(name -> value(properties.get(name)).map(v -> quote(name) + ":" + v)),
				Combinators.combine(hostileText(), anyJson()).as((n, v) -> quote(n) + ":" + v));
		Arbitrary<String> object = member.list().ofMaxSize(names.size() + 2)
			.map(members -> "{" + String.join(",", members) + "}");
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, object), net.jqwik.api.Tuple.of(2, garbage()));
	}

	/** A value for a property: mostly of its type (valid codes included), often not. */
	private Arbitrary<String> value(JsonNode property) {
		List<String> codes = new ArrayList<>();
		property.path("enum").forEach(code -> codes.add(code.asText()));
		String type = property.path("type").asText("string");
		Arbitrary<String> typed = switch (type) {
			case "boolean" -> Arbitraries.of("true", "false");
			case "integer", "number" -> Arbitraries.of("0", "1", "-1", "1e400", "99999999999999999999");
			default -> codes.isEmpty() ? hostileText().map(HostileInputFuzzTest::quote)
					: Arbitraries.oneOf(Arbitraries.of(codes).map(HostileInputFuzzTest::quote),
							hostileText().map(HostileInputFuzzTest::quote));
		};
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, typed), net.jqwik.api.Tuple.of(3, anyJson()));
	}

	// ---- generators: the webhooks, from a genuine notification

	@Provide
	Arbitrary<Hostile> webhookRequests() {
		Arbitrary<String> body = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(7, mutatedNotification()),
				net.jqwik.api.Tuple.of(2, garbage()),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
		return Combinators.combine(Arbitraries.of("/api/intake/alertmanager", "/api/intake/grafana"),
				Arbitraries.of("monitoring", "monitoring", "alice"), contentTypes(), queryString(List.of()), body)
			.as((path, user, type, query, b) -> new Hostile(user, "POST", path + query, b == null ? null : type, null, b));
	}

	private Arbitrary<String> mutatedNotification() {
		Arbitrary<String> version = Arbitraries.oneOf(Arbitraries.of("\"4\"", "\"1\""), anyJson());
		Arbitrary<String> text = Arbitraries.oneOf(hostileText().map(HostileInputFuzzTest::quote), anyJson());
		Arbitrary<String> instant = Arbitraries.oneOf(Arbitraries.of("\"2026-11-30T10:00:00Z\"",
				"\"2026-11-30T10:00:00.123456789Z\"", "\"0001-01-01T00:00:00Z\"", "\"+300000-01-01T00:00:00Z\"",
				"\"-5000-01-01T00:00:00Z\"", "99999999999999", "-99999999999999", "1e400", "\"yesterday\""),
				anyJson());
		Arbitrary<String> status = Arbitraries.oneOf(Arbitraries.of("\"firing\"", "\"resolved\""), text);
		Arbitrary<String> labels = Combinators.combine(hostileText(), hostileText()).as((k, v) -> quote(k) + ":"
				+ quote(v)).list().ofMaxSize(3).map(extra -> "{\"alertname\":\"Fuzz\"" + extra.stream()
					.map(e -> "," + e).reduce("", String::concat) + "}");
		Arbitrary<String> alert = Combinators.combine(status, labels, instant, instant, text)
			.as((s, l, start, end, fp) -> "{\"status\":" + s + ",\"labels\":" + l + ",\"annotations\":" + l
					+ ",\"startsAt\":" + start + ",\"endsAt\":" + end + ",\"fingerprint\":" + fp + "}");
		return Combinators.combine(version, text, alert.list().ofMaxSize(3), Arbitraries.of("", ",\"version\":\"4\""))
			.as((v, key, alerts, duplicate) -> "{\"version\":" + v + ",\"groupKey\":" + key
					+ ",\"status\":\"firing\",\"receiver\":\"fuzz\",\"alerts\":[" + String.join(",", alerts) + "]"
					+ duplicate + "}");
	}

	// ---- building blocks

	private Arbitrary<String> users() {
		return Arbitraries.of("alice", "rita", "monitoring", "maria");
	}

	private Arbitrary<String> contentTypes() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
				net.jqwik.api.Tuple.of(1, Arbitraries.of("application/*", "*/*", "text/plain", "application/xml",
						"application/json; charset=ISO-8859-1", "multipart/form-data", "application/json;;",
						"nonsense", "application/merge-patch+json")));
	}

	private Arbitrary<String> idempotencyKeys() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(6, Arbitraries.just(null)),
				net.jqwik.api.Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
				net.jqwik.api.Tuple.of(1, Arbitraries.of("fuzz-fixed-key", "x".repeat(300), "a b", "{}")));
	}

	/** Text that has broken something before, or might. */
	static Arbitrary<String> hostileText() {
		return Arbitraries.oneOf(
				Arbitraries.of("", " ", "a\u0000b", "\u0000", "null", "${7*7}", "#{1}", "<script>alert(1)</script>",
						"'; drop table incident; --", "%00", "%2e%2e", "../..", "\\", "\"", "\ud83d\ude00",
						"\u202e", "\ufeff", "\uffff", "INC-000001", "HIGH", "security", "0001-01-01T00:00:00Z"),
				Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings().withChars('a', '\u0000', '\n').ofMinLength(1).ofMaxLength(5),
				Arbitraries.of(201, 1_001, 10_001).map("x"::repeat));
	}

	/** Any JSON value, valid or not quite. */
	static Arbitrary<String> anyJson() {
		return Arbitraries.oneOf(
				Arbitraries.of("null", "true", "false", "0", "-0", "1.5", "1e400", "123456789012345678901234567890",
						"[]", "{}", "[1,\"a\",null]", "{\"a\":{\"b\":{}}}", "\"\\u0000\"", "\"\\ud800\""),
				Arbitraries.of(1_001, 1_500, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
				Arbitraries.of(1_001, 20_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
				hostileText().map(HostileInputFuzzTest::quote));
	}

	/** Bodies that are no JSON object. */
	static Arbitrary<String> garbage() {
		return Arbitraries.oneOf(anyJson(), Arbitraries.strings().all().ofMaxLength(60),
				Arbitraries.of("", "{", "{\"title\":", "{\"a\":1}}", "{'a':1}", "{\"a\":1,}", "<xml/>", "\u0000"));
	}

	static String quote(String text) {
		try {
			return JSON.writeValueAsString(text);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String encodePath(String text) {
		return text.isEmpty() ? "%20" : java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private JsonNode resolve(JsonNode schema) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
			return openApi.path("components").path("schemas").path(name);
		}
		return schema;
	}

}
