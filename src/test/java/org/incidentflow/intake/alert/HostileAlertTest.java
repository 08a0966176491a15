package org.incidentflow.intake.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hostile webhook deliveries over real HTTP. Alertmanager retries a 5xx without end, so each must be a 4xx problem
 * naming the field, with no alert and no incident stored. All of these answered 500 before.
 */
class HostileAlertTest extends WebTestSupport {

	final ObjectMapper json = new ObjectMapper();

	@Autowired
	MonitoringAlertRepository alerts;
	@Autowired
	IncidentRepository incidents;

	String run = UUID.randomUUID().toString().substring(0, 8);

	/** A firing Alertmanager notification; the placeholders are raw JSON. */
	String notification(String groupKey, String labels, String annotations, String startsAt, String endsAt,
			String fingerprint) {
		return "{\"version\":\"4\",\"groupKey\":" + groupKey + ",\"status\":\"firing\",\"receiver\":\"incident-flow\","
				+ "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"DiskFull-" + run + "\"" + labels
				+ "},\"annotations\":{\"summary\":\"/var at 98%\"" + annotations + "},\"startsAt\":" + startsAt
				+ ",\"endsAt\":" + endsAt + ",\"fingerprint\":" + fingerprint + "}]}";
	}

	String valid() {
		return notification("\"g-" + run + "\"", "", "", "\"2026-11-30T10:00:00Z\"", "\"0001-01-01T00:00:00Z\"",
				"\"fp-" + run + "\"");
	}

	HttpResponse<String> deliver(String body) {
		return postJson("/api/intake/alertmanager", "monitoring", body);
	}

	void refused(HttpResponse<String> response, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).get().asString()
			.startsWith("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		if (field != null) {
			assertThat(problem.get("field").asText()).isEqualTo(field);
		}
		assertThat(alerts.findAll().stream().filter(a -> a.getFingerprint().contains(run))).isEmpty();
		assertThat(incidents.findAll().stream().filter(i -> i.getTitle().contains(run))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"\"+300000-01-01T00:00:00Z\" | \"0001-01-01T00:00:00Z\" | alerts[0].startsAt",
			"\"-5000-01-01T00:00:00Z\"   | \"0001-01-01T00:00:00Z\" | alerts[0].startsAt",
			"99999999999999              | \"0001-01-01T00:00:00Z\" | alerts[0].startsAt",
			"\"2026-11-30T10:00:00Z\"    | \"+300000-01-01T00:00:00Z\" | alerts[0].endsAt",
			"\"2026-11-30T10:00:00Z\"    | -99999999999999          | alerts[0].endsAt" })
	void timestampsOutsideWhatTheDatabaseStoresAreRefused(String startsAt, String endsAt, String field)
			throws Exception {
		refused(deliver(notification("\"g-" + run + "\"", "", "", startsAt, endsAt, "\"fp-" + run + "\"")), field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"'\"g-RUN\"' | ',\"disk\":\"sda\\u0000\"' | '' | '\"fp-RUN\"' | alerts[0].labels.disk",
			"'\"g-RUN\"' | ',\"di\\u0000sk\":\"sda\"' | '' | '\"fp-RUN\"' | alerts[0].labels.di?sk",
			"'\"g-RUN\"' | '' | ',\"description\":\"\\u0000\"' | '\"fp-RUN\"' | alerts[0].annotations.description",
			"'\"g-RUN\"' | '' | '' | '\"fp-RUN\\u0000\"' | alerts[0].fingerprint",
			"'\"g-RUN\\u0000\"' | '' | '' | '\"fp-RUN\"' | groupKey" })
	void nulAnywhereIsRefusedNamingWhere(String groupKey, String labels, String annotations, String fingerprint,
			String field) throws Exception {
		refused(deliver(notification(groupKey.replace("RUN", run), labels, annotations, "\"2026-11-30T10:00:00Z\"",
				"\"0001-01-01T00:00:00Z\"", fingerprint.replace("RUN", run))), field);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1_500, 20_000 })
	void deeplyNestedNotificationsAreRefused(int depth) throws Exception {
		String objects = "{\"alerts\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
		refused(deliver(objects), null);
		refused(deliver("[".repeat(depth) + "]".repeat(depth)), null);
		assertThat(json.readTree(deliver(objects).body()).get("detail").asText()).contains("nested too deeply");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/intake/alertmanager", "/api/intake/grafana" })
	void aWildcardContentTypeIs415(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", basic("monitoring")).header("Content-Type", "application/*")
			.POST(BodyPublishers.ofString(valid())));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).get().asString()
			.startsWith("application/problem+json");
		assertThat(alerts.findAll().stream().filter(a -> a.getFingerprint().contains(run))).isEmpty();
	}

	@Test
	void nanosecondTimestampsAreRecognisedWhenDeliveredAgain() throws Exception {
		String body = notification("\"g-" + run + "\"", "", "", "\"2026-11-30T10:00:00.123456789Z\"",
				"\"0001-01-01T00:00:00Z\"", "\"fp-" + run + "\"");
		HttpResponse<String> first = deliver(body);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		HttpResponse<String> again = deliver(body);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json.readTree(again.body()).get("repeated").asInt()).isEqualTo(1);
		assertThat(alerts.findAll().stream().filter(a -> a.getFingerprint().contains(run))).hasSize(1);
	}

	@Test
	void aSummaryThatBeginsWithTheAlertNameIsTheTitle() throws Exception {
		String body = valid().replace("\"summary\":\"/var at 98%\"", "\"summary\":\"DiskFull-" + run + " on db-1: /var at 98%\"");
		assertThat(deliver(body).statusCode()).isEqualTo(200);
		assertThat(incidents.findAll().stream().filter(i -> i.getTitle().contains(run)).map(i -> i.getTitle()))
			.containsExactly("DiskFull-" + run + " on db-1: /var at 98%");
	}

	@Test
	void aSummaryThatDoesNotBeginWithTheNameIsPrefixedWithIt() throws Exception {
		assertThat(deliver(valid()).statusCode()).isEqualTo(200);
		assertThat(incidents.findAll().stream().filter(i -> i.getTitle().contains(run)).map(i -> i.getTitle()))
			.containsExactly("DiskFull-" + run + ": /var at 98%");
	}

}
