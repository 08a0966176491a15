package org.incidentflow.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The registry through its HTTP API with the real HTTP Basic login: who may read and write, the rules of a CI and
 * its relationships, the impact of an outage, the CSV import (good, duplicate and broken rows, twice, in parallel),
 * the demo data set, and a CI's incidents.
 */
class ConfigurationItemApiTest extends WebTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	JdbcTemplate sql;

	/** A prefix no other test uses, so that the shared database of the test context does not matter. */
	private final String p = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";

	private String ci(String id, String type, String service, int criticality, String more) {
		return "{\"id\":\"" + id + "\",\"name\":\"Name of " + id + "\",\"type\":\"" + type + "\",\"service\":\""
				+ service + "\",\"criticality\":" + criticality + more + "}";
	}

	private JsonNode body(HttpResponse<String> response) throws Exception {
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> postCsv(String user, String csv) {
		return send(HttpRequest.newBuilder(uri("/api/configuration-items/import")).header("Authorization", basic(user))
			.header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv)));
	}

	@Test
	void processOwnersAndCmdbManagersRegisterAgentsReadRequestersNot() throws Exception {
		HttpResponse<String> created = postJson("/api/configuration-items", "paul",
				ci(p + "VPN-GW-Lyon", "network_device", "vpn", 1, ",\"ownerGroup\":\"network-ops\",\"location\":\"Lyon\""));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = p.toLowerCase() + "vpn-gw-lyon";
		assertThat(created.headers().firstValue("Location")).hasValue("/api/configuration-items/" + id);
		assertThat(body(created).get("id").asText()).as("ids are stored in lower case").isEqualTo(id);
		assertThat(body(created).get("status").asText()).isEqualTo("in_use");
		assertThat(body(created).get("createdBy").asText()).isEqualTo("paul");

		assertThat(postJson("/api/configuration-items", "cora", ci(p + "radius", "server", "vpn", 2, ""))
			.statusCode()).isEqualTo(201);

		HttpResponse<String> read = get("/api/configuration-items/" + id.toUpperCase(), "alice");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(body(read).get("name").asText()).isEqualTo("Name of " + p + "VPN-GW-Lyon");
		assertThat(body(read).get("ownerGroup").asText()).isEqualTo("network-ops");
		assertThat(body(read).get("criticality").asInt()).isEqualTo(1);

		HttpResponse<String> agentWrites = postJson("/api/configuration-items", "alice", ci(p + "x", "server", "vpn", 2, ""));
		assertThat(agentWrites.statusCode()).isEqualTo(403);
		assertThat(agentWrites.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(get("/api/configuration-items/" + id, "rita").statusCode()).isEqualTo(403);
		assertThat(postCsv("maria", "id,name,type,service,criticality\n" + p + "y,Y,server,vpn,2\n").statusCode())
			.isEqualTo(403);
		assertThat(anonymousGet("/api/configuration-items/" + id).statusCode()).isEqualTo(401);
		assertThat(sql.queryForObject("select count(*) from configuration_item where id in (?, ?)", Long.class,
				p + "x", p + "y")).isZero();
	}

	@Test
	void badInputIsAProblemNamingTheFieldAndTakenIdsAConflict() throws Exception {
		HttpResponse<String> missing = postJson("/api/configuration-items", "paul", "{\"id\":\"" + p + "a\"}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("\"name\"", "\"type\"", "\"service\"", "\"criticality\"");

		HttpResponse<String> badValues = postJson("/api/configuration-items", "paul",
				ci(p + "a", "toaster", "vpn", 5, ",\"status\":\"broken\""));
		assertThat(badValues.statusCode()).isEqualTo(400);
		assertThat(badValues.body()).contains("\"type\"", "\"criticality\"", "\"status\"");

		HttpResponse<String> badId = postJson("/api/configuration-items", "paul", ci("has space", "server", "vpn", 2, ""));
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(body(badId).get("errors").get(0).get("field").asText()).isEqualTo("id");

		HttpResponse<String> unknownTarget = postJson("/api/configuration-items", "paul",
				ci(p + "a", "application", "erp", 2, ",\"dependsOn\":[\"" + p + "nowhere\"]"));
		assertThat(unknownTarget.statusCode()).isEqualTo(400);
		assertThat(body(unknownTarget).get("errors").get(0).get("field").asText()).isEqualTo("dependsOn");
		assertThat(unknownTarget.body()).contains(p + "nowhere");

		HttpResponse<String> self = postJson("/api/configuration-items", "paul",
				ci(p + "a", "application", "erp", 2, ",\"runsOn\":[\"" + p + "a\"]"));
		assertThat(self.statusCode()).isEqualTo(400);
		assertThat(body(self).get("errors").get(0).get("field").asText()).isEqualTo("runsOn");

		assertThat(postJson("/api/configuration-items", "paul", ci(p + "a", "server", "erp", 2, "")).statusCode())
			.isEqualTo(201);
		HttpResponse<String> again = postJson("/api/configuration-items", "paul", ci(p + "A", "server", "erp", 3, ""));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(body(again).get("criticality")).isNull();
		assertThat(body(get("/api/configuration-items/" + p + "a", "paul")).get("criticality").asInt()).isEqualTo(2);

		assertThat(get("/api/configuration-items/" + p + "nothing", "alice").statusCode()).isEqualTo(404);
		assertThat(get("/api/configuration-items?criticality=7", "alice").statusCode()).isEqualTo(400);
		assertThat(get("/api/configuration-items?type=toaster", "alice").statusCode()).isEqualTo(400);
		assertThat(get("/api/configuration-items?colour=red", "alice").statusCode()).isEqualTo(400);
	}

	@Test
	void anUpdateReplacesTheItemAndRetiresIt() throws Exception {
		postJson("/api/configuration-items", "paul", ci(p + "db", "database", "erp", 1, ""));
		postJson("/api/configuration-items", "paul", ci(p + "app", "application", "erp", 2, ""));
		HttpResponse<String> updated = putJson("/api/configuration-items/" + p + "app", "cora",
				"{\"name\":\"ERP app\",\"type\":\"application\",\"service\":\"erp\",\"criticality\":1,"
						+ "\"status\":\"retired\",\"dependsOn\":[\"" + p + "db\"]}");
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		JsonNode app = body(updated);
		assertThat(app.get("name").asText()).isEqualTo("ERP app");
		assertThat(app.get("status").asText()).isEqualTo("retired");
		assertThat(app.get("criticality").asInt()).isEqualTo(1);
		assertThat(app.get("dependsOn").get(0).asText()).isEqualTo(p + "db");
		assertThat(app.get("updatedBy").asText()).isEqualTo("cora");
		assertThat(app.get("version").asLong()).isEqualTo(1);

		JsonNode db = body(get("/api/configuration-items/" + p + "db", "alice"));
		assertThat(db.get("usedBy").get(0).asText()).isEqualTo(p + "app");

		assertThat(putJson("/api/configuration-items/" + p + "app", "cora", ci(p + "other", "server", "erp", 1, ""))
			.statusCode()).isEqualTo(400);
		assertThat(putJson("/api/configuration-items/" + p + "nothing", "cora", ci(p + "nothing", "server", "erp", 1, ""))
			.statusCode()).isEqualTo(404);

		JsonNode retired = body(get("/api/configuration-items?status=retired&q=" + p, "alice"));
		assertThat(retired.get("totalElements").asInt()).isEqualTo(1);
		assertThat(retired.get("content").get(0).get("id").asText()).isEqualTo(p + "app");
	}

	@Test
	void anOutageShowsEveryServiceThatDependsOnTheItemThroughAnyPath() throws Exception {
		String csv = "id,name,type,service,criticality,depends_on,runs_on\n"
				+ p + "host,Host,server,infrastructure,1,,\n"
				+ p + "db,DB,database,erp,1,," + p + "host\n"
				+ p + "erp-app,ERP app,application,erp,1," + p + "db," + p + "host\n"
				+ p + "portal,HR portal,application,hr-portal,2," + p + "erp-app;" + p + "sso,\n"
				+ p + "sso,SSO,application,sso,1," + p + "portal,\n"
				+ p + "printer,Printer,printer,printing,4,,\n";
		HttpResponse<String> imported = postCsv("paul", csv);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(body(imported).get("created").asInt()).isEqualTo(6);

		JsonNode impact = body(get("/api/configuration-items/" + p + "host/impact", "nick"));
		assertThat(impact.get("services")).extracting(JsonNode::asText)
			.containsExactly("erp", "hr-portal", "infrastructure", "sso");
		List<String> affected = new ArrayList<>();
		impact.get("affected").forEach(a -> affected.add(a.get("id").asText() + "@" + a.get("distance").asInt()));
		assertThat(affected).as("nearest first, each once, the cycle portal/sso ends")
			.containsExactly(p + "db@1", p + "erp-app@1", p + "portal@2", p + "sso@3");

		JsonNode printer = body(get("/api/configuration-items/" + p + "printer/impact", "nick"));
		assertThat(printer.get("services")).extracting(JsonNode::asText).containsExactly("printing");
		assertThat(printer.get("affected")).isEmpty();
	}

	@Test
	void theImportTakesGoodRowsReportsTheOthersAndChangesNothingTheSecondTime() throws Exception {
		String csv = "ID,Name,Type,Service,Criticality,Owner Group,location,status,dependsOn\n"
				+ p + "gw,Gateway,network_device,vpn,1,network-ops,\"Lyon, rack B4\",in_use," + p + "radius\n"
				+ p + "radius,RADIUS,server,vpn,2,network-ops,,,\n"
				+ p + "GW,Gateway again,network_device,vpn,3,,,,\n"
				+ p + "broken,Broken,toaster,vpn,1,,,,\n"
				+ p + "crit,No criticality,server,vpn,high,,,,\n"
				+ ",No id,server,vpn,1,,,,\n"
				+ p + "short,Too few values\n"
				+ p + "orphan,Orphan,application,vpn,2,,,," + p + "broken\n"
				+ p + "nameless,,server,vpn,2,,,maintenance,\n";
		HttpResponse<String> first = postCsv("cora", csv);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		JsonNode report = body(first);
		assertThat(report.get("rows").asInt()).isEqualTo(9);
		assertThat(report.get("created").asInt()).isEqualTo(2);
		assertThat(report.get("updated").asInt()).isZero();
		List<String> refused = new ArrayList<>();
		report.get("refused").forEach(r -> refused.add(r.get("row").asInt() + " " + r.get("field").asText() + " "
				+ r.get("reason").asText()));
		assertThat(refused).containsExactly(
				"4 id appears again; the first row with it is row 2",
				"5 type must be one of: business_service, application, server, virtual_machine, network_device, "
						+ "database, storage, laptop, desktop, mobile_device, printer, other",
				"6 criticality must be 1 to 4",
				"7 id must be 1 to 100 letters, digits or . _ - : and start with a letter or digit",
				"8 file has 2 values, the header has 9",
				"9 depends_on unknown configuration item " + p + "broken",
				"10 name must not be blank");
		JsonNode gw = body(get("/api/configuration-items/" + p + "gw", "alice"));
		long version = gw.get("version").asLong();
		assertThat(gw.get("location").asText()).isEqualTo("Lyon, rack B4");
		assertThat(gw.get("dependsOn").get(0).asText()).isEqualTo(p + "radius");
		assertThat(body(get("/api/configuration-items/" + p + "radius", "alice")).get("status").asText())
			.isEqualTo("in_use");

		JsonNode second = body(postCsv("cora", csv));
		assertThat(second.get("created").asInt()).isZero();
		assertThat(second.get("updated").asInt()).isZero();
		assertThat(second.get("unchanged").asInt()).isEqualTo(2);
		JsonNode gwAgain = body(get("/api/configuration-items/" + p + "gw", "alice"));
		assertThat(gwAgain.get("version").asLong()).isEqualTo(version);
		assertThat(gwAgain.get("updatedAt").asText()).isEqualTo(gw.get("updatedAt").asText());

		JsonNode changed = body(postCsv("cora", "id,name,type,service,criticality\n" + p + "radius,RADIUS,server,vpn,1\n"));
		assertThat(changed.get("updated").asInt()).isEqualTo(1);
		assertThat(body(get("/api/configuration-items/" + p + "radius", "alice")).get("criticality").asInt()).isEqualTo(1);
	}

	@Test
	void aFileThatCannotBeReadIsRefusedAsAWhole() throws Exception {
		HttpResponse<String> unknownColumn = postCsv("paul", "id,name,type,service,criticality,colour\n" + p
				+ "z,Z,server,vpn,1,red\n");
		assertThat(unknownColumn.statusCode()).isEqualTo(400);
		assertThat(unknownColumn.body()).contains("colour");
		HttpResponse<String> missingColumn = postCsv("paul", "id,name,type\n" + p + "z,Z,server\n");
		assertThat(missingColumn.statusCode()).isEqualTo(400);
		assertThat(missingColumn.body()).contains("service", "criticality");
		HttpResponse<String> brokenQuote = postCsv("paul", "id,name,type,service,criticality\n" + p
				+ "z,\"Z,server,vpn,1\n");
		assertThat(brokenQuote.statusCode()).isEqualTo(400);
		assertThat(postCsv("paul", "").statusCode()).isEqualTo(400);
		assertThat(sql.queryForObject("select count(*) from configuration_item where id = ?", Long.class, p + "z"))
			.isZero();
	}

	/** Over the default limit of 5 MB (incidentflow.assets.import-max-size) by one byte. */
	private String fileOfBytes(long size) {
		String header = "id,name,type,service,criticality\n" + p + "big,Big,server,vpn,1\n";
		return header + "#".repeat((int) (size - header.length()));
	}

	@Test
	void aFileOverTheByteLimitIsRefusedWith413BeforeItIsRead() throws Exception {
		String tooLarge = fileOfBytes(5L * 1024 * 1024 + 1);
		HttpResponse<String> byLength = postCsv("cora", tooLarge);
		assertThat(byLength.statusCode()).as(byLength.body()).isEqualTo(413);
		JsonNode problem = body(byLength);
		assertThat(byLength.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(problem.get("detail").asText()).isEqualTo("An import file is at most 5 MB; split it.");
		assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("file");
		assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("is larger than 5 MB");

		// sent in chunks, without a Content-Length: refused after one byte more than the limit
		HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/configuration-items/import"))
			.header("Authorization", basic("cora")).header("Content-Type", "text/csv")
			.POST(BodyPublishers.fromPublisher(BodyPublishers.ofString(tooLarge))));
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
		assertThat(body(chunked).get("errors").get(0).get("field").asText()).isEqualTo("file");
		assertThat(sql.queryForObject("select count(*) from configuration_item where id = ?", Long.class, p + "big"))
			.as("nothing imported").isZero();
	}

	@Test
	void aFileOverTheRowLimitIsRefusedAsAWhole() throws Exception {
		StringBuilder csv = new StringBuilder("id,name,type,service,criticality\n");
		for (int i = 0; i <= ConfigurationItemImport.MAX_ROWS; i++) {
			csv.append(p).append("row-").append(i).append(",R,server,vpn,4\n");
		}
		HttpResponse<String> refused = postCsv("cora", csv.toString());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		JsonNode error = body(refused).get("errors").get(0);
		assertThat(error.get("field").asText()).isEqualTo("file");
		assertThat(error.get("message").asText()).isEqualTo("has more than 10000 rows; split it");
		assertThat(sql.queryForObject("select count(*) from configuration_item where id like ?", Long.class, p + "row-%"))
			.isZero();
	}

	@Test
	void theSameImportFromFourThreadsAtOnceRegistersEachItemOnce() throws Exception {
		StringBuilder csv = new StringBuilder("id,name,type,service,criticality,depends_on\n");
		for (int i = 0; i < 30; i++) {
			csv.append(p).append("node-").append(i).append(",Node ").append(i).append(",server,cluster,3,")
				.append(i == 0 ? "" : p + "node-" + (i - 1)).append('\n');
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<HttpResponse<String>>> imports = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String user = i % 2 == 0 ? "paul" : "cora";
				imports.add(() -> postCsv(user, csv.toString()));
			}
			int created = 0;
			for (Future<HttpResponse<String>> answer : pool.invokeAll(imports)) {
				assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
				created += body(answer.get()).get("created").asInt();
			}
			assertThat(created).as("each row created by exactly one import").isEqualTo(30);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(sql.queryForObject("select count(*) from configuration_item where id like ?", Long.class,
				p + "node-%")).isEqualTo(30);
		assertThat(sql.queryForObject("select count(*) from configuration_item_relationship where source_id like ?",
				Long.class, p + "node-%")).isEqualTo(29);
	}

	@Test
	void theSameIdPostedFromFourThreadsAtOnceIsRegisteredOnceAndNeverOverwritten() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String name = "Racer " + i;
				posts.add(() -> postJson("/api/configuration-items", "paul", "{\"id\":\"" + p + "race\",\"name\":\""
						+ name + "\",\"type\":\"server\",\"service\":\"vpn\",\"criticality\":2}"));
			}
			List<String> winners = new ArrayList<>();
			int conflicts = 0;
			for (Future<HttpResponse<String>> answer : pool.invokeAll(posts)) {
				HttpResponse<String> response = answer.get();
				if (response.statusCode() == 201) {
					winners.add(body(response).get("name").asText());
				}
				else {
					assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
					conflicts++;
				}
			}
			assertThat(winners).hasSize(1);
			assertThat(conflicts).isEqualTo(3);
			assertThat(body(get("/api/configuration-items/" + p + "race", "alice")).get("name").asText())
				.as("the stored CI is the one answered 201").isEqualTo(winners.get(0));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theDemoDataSetHasTheVpnAndItsRetiredGateway() throws Exception {
		JsonNode gateway = body(get("/api/configuration-items/vpn-gw-lyon", "alice"));
		assertThat(gateway.get("service").asText()).isEqualTo("vpn");
		assertThat(gateway.get("ownerGroup").asText()).isEqualTo("network-ops");
		assertThat(body(get("/api/configuration-items/vpn-gw-paris", "alice")).get("status").asText()).isEqualTo("retired");
		JsonNode host = body(get("/api/configuration-items/esx-lyon-01/impact", "alice"));
		assertThat(host.get("services")).extracting(JsonNode::asText).contains("vpn", "email");
		List<String> gateways = new ArrayList<>();
		body(get("/api/configuration-items?service=vpn&type=network_device&size=100", "alice")).get("content")
			.forEach(item -> gateways.add(item.get("id").asText()));
		assertThat(gateways).contains("vpn-gw-berlin", "vpn-gw-lyon", "vpn-gw-paris").doesNotContain("radius-lyon");
	}

}
