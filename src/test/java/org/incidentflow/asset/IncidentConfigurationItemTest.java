package org.incidentflow.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.incidentflow.WebTestSupport;
import org.incidentflow.intake.IntakeTestSupport;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Incidents and the registry: a known CI is linked by its id from every channel (here the API and a monitoring
 * alert's instance label), an unknown one is kept as free text and flagged, a retired one is linked and shown as
 * retired; the CI and its recent incidents appear in the incident's details; the CI's incidents and the CI filter.
 */
class IncidentConfigurationItemTest extends WebTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String p = "i" + UUID.randomUUID().toString().substring(0, 8) + "-";

	private JsonNode body(HttpResponse<String> response) throws Exception {
		return JSON.readTree(response.body());
	}

	private static boolean absent(JsonNode node, String field) {
		return node.path(field).isMissingNode() || node.path(field).isNull();
	}

	private void register(String id, String service, String status) {
		HttpResponse<String> created = postJson("/api/configuration-items", "paul", "{\"id\":\"" + id
				+ "\",\"name\":\"Gateway " + id + "\",\"type\":\"network_device\",\"service\":\"" + service
				+ "\",\"ownerGroup\":\"network-ops\",\"criticality\":1,\"status\":\"" + status + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private JsonNode report(String user, String configurationItem, String service) throws Exception {
		HttpResponse<String> reported = postJson("/api/incidents", user, "{\"title\":\"VPN drops " + p
				+ "\",\"type\":\"service_outage\",\"impact\":\"high\",\"urgency\":\"high\",\"configurationItem\":\""
				+ configurationItem + "\"" + (service == null ? "" : ",\"service\":\"" + service + "\"") + "}");
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		return body(reported);
	}

	@Test
	void aKnownItemIsLinkedByItsIdWithItsServiceAndShownInTheIncident() throws Exception {
		register(p + "gw", p + "vpn", "in_use");
		JsonNode first = report("alice", p.toUpperCase() + "GW", null);
		assertThat(first.get("configurationItem").asText()).as("canonical id").isEqualTo(p + "gw");
		assertThat(first.get("service").asText()).as("the CI's service fills an empty one").isEqualTo(p + "vpn");
		assertThat(first.get("configurationItemRegistered").asBoolean()).isTrue();
		JsonNode asset = first.get("asset");
		assertThat(asset.get("id").asText()).isEqualTo(p + "gw");
		assertThat(asset.get("ownerGroup").asText()).isEqualTo("network-ops");
		assertThat(asset.get("criticality").asInt()).isEqualTo(1);
		assertThat(asset.get("status").asText()).isEqualTo("in_use");
		assertThat(asset.get("incidentsLast30Days").asLong()).isEqualTo(1);

		JsonNode second = report("alice", p + "gw", "vpn-eu");
		assertThat(second.get("service").asText()).as("a service the caller named is kept").isEqualTo("vpn-eu");
		assertThat(second.get("asset").get("incidentsLast30Days").asLong()).isEqualTo(2);

		JsonNode ofTheItem = body(get("/api/configuration-items/" + p + "gw/incidents?state=new,in_progress", "nick"));
		assertThat(ofTheItem.get("totalElements").asInt()).isEqualTo(2);
		assertThat(ofTheItem.get("content").get(0).get("number").asText()).as("newest first")
			.isEqualTo(second.get("number").asText());
		JsonNode filtered = body(get("/api/incidents?configurationItem=" + p.toUpperCase() + "GW", "alice"));
		assertThat(filtered.get("totalElements").asInt()).as("the CI filter, in any case").isEqualTo(2);
		assertThat(get("/api/configuration-items/" + p + "nothing/incidents", "nick").statusCode()).isEqualTo(404);
	}

	@Test
	void anUnknownItemIsKeptAsFreeTextAndFlagged() throws Exception {
		JsonNode incident = report("alice", p + "Unknown-Box", "printing");
		assertThat(incident.get("configurationItem").asText()).isEqualTo(p + "Unknown-Box");
		assertThat(incident.get("configurationItemRegistered").asBoolean()).isFalse();
		assertThat(absent(incident, "asset")).isTrue();
		assertThat(body(get("/api/incidents?configurationItem=" + p + "Unknown-Box", "alice")).get("totalElements")
			.asInt()).isEqualTo(1);
	}

	@Test
	void aRetiredItemIsLinkedAndShownAsRetired() throws Exception {
		register(p + "old-gw", "vpn", "retired");
		JsonNode incident = report("alice", p + "old-gw", null);
		assertThat(incident.get("configurationItem").asText()).isEqualTo(p + "old-gw");
		assertThat(incident.get("asset").get("status").asText()).isEqualTo("retired");
	}

	@Test
	void requestersSeeTheirCiButNotTheRegistryBehindIt() throws Exception {
		register(p + "laptop", "workplace", "in_use");
		JsonNode incident = report("rita", p + "laptop", null);
		assertThat(incident.get("configurationItem").asText()).isEqualTo(p + "laptop");
		assertThat(absent(incident, "asset")).isTrue();
		assertThat(absent(incident, "configurationItemRegistered")).isTrue();
	}

	@Test
	void anAlertNamesItsItemByTheHostOfItsInstanceLabel() throws Exception {
		register(p + "host.example.org", "checkout", "in_use");
		String run = IntakeTestSupport.newRun();
		String alert = IntakeTestSupport.resource("alertmanager-firing.json", run).replace("SEVERITY", "critical")
			.replace("checkout-1.example.org:8080", p + "host.example.org:9100");
		HttpResponse<String> received = postJson("/api/intake/alertmanager", "monitoring", alert);
		assertThat(received.statusCode()).as(received.body()).isLessThan(300);
		JsonNode page = body(get("/api/incidents?configurationItem=" + p + "host.example.org", "alice"));
		assertThat(page.get("totalElements").asInt()).isEqualTo(1);
		String number = page.get("content").get(0).get("number").asText();
		JsonNode incident = body(get("/api/incidents/" + number, "alice"));
		assertThat(incident.get("asset").get("service").asText()).isEqualTo("checkout");
		assertThat(incident.get("configurationItemRegistered").asBoolean()).isTrue();
	}

}
