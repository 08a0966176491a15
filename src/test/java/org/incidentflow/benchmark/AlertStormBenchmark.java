package org.incidentflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentflow.security.token.IntegrationTokenScope;
import org.incidentflow.security.token.IntegrationTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.filter.TypeExcludeFilters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Alert storm: Alertmanager's repeats and HA duplicates in a burst, against the webhook
 * {@code POST /api/intake/alertmanager} with an integration token (Bearer), from a load client in a second process
 * ({@code wrk}, Debian package), beside a baseline endpoint of the same application in the same run
 * ({@code GET /actuator/health}, same client, same connections). 200 alert groups; every delivery picks a group at
 * random; 95 % are an exact repeat of the group's notification, 5 % carry one more alert of the group (a new
 * fingerprint: attached to the group's incident). The first deliveries of a group race each other from several
 * connections. Afterwards the database must hold exactly one incident per group.
 * <p>
 * Not part of {@code ./mvnw verify} (tag "benchmark"); run it with {@code bench/alert-storm.sh}. No assertion on
 * speed: the result is a report.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "server.port=${bench.port:8112}")
@ActiveProfiles({ "demo", "test" })
@TypeExcludeFilters(IntakeThroughputBenchmark.WithoutProcessTestCoverage.class)
class AlertStormBenchmark {

	static final int GROUPS = 200;

	@LocalServerPort
	int port;

	@Autowired
	IntegrationTokens tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void alertStorm() throws Exception {
		int seconds = Integer.getInteger("bench.measure", 30);
		int connections = Integer.getInteger("bench.connections", 16);
		int threads = Integer.getInteger("bench.clientThreads", 2);
		String run = Long.toString(System.currentTimeMillis(), 36);
		String token = tokens.issue("alert-storm-" + run, IntegrationTokenScope.ALERTMANAGER, "benchmark").secret();
		Path work = Files.createTempDirectory("alert-storm");
		Path script = work.resolve("storm.lua");
		Files.writeString(script, lua(run));
		String base = "http://localhost:" + port;
		Instant started = Instant.now();

		// every group's first notification, twice at once (HA twins), before the storm: opening an incident is the
		// full intake (record, process, decisions), seconds each on a loaded box; the storm is about repeats
		long primeStart = System.nanoTime();
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.util.concurrent.ExecutorService twins = java.util.concurrent.Executors.newFixedThreadPool(2);
		for (int g = 1; g <= GROUPS; g++) {
			java.net.http.HttpRequest first = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(base + "/api/intake/alertmanager"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(run, g)))
				.build();
			List<java.util.concurrent.Future<Integer>> answers = twins.invokeAll(List.of(
					() -> http.send(first, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(),
					() -> http.send(first, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()));
			for (java.util.concurrent.Future<Integer> answer : answers) {
				if (answer.get() != 200) {
					throw new IllegalStateException("first notification of group " + g + " answered " + answer.get());
				}
			}
		}
		twins.shutdown();
		double primeSeconds = (System.nanoTime() - primeStart) / 1e9;
		System.out.printf(Locale.ROOT, "[alert-storm] %d groups opened (each delivered twice at once) in %.0f s%n",
				GROUPS, primeSeconds);

		// warm-up of both endpoints (JIT, connection pools)
		Wrk warmBaseline = wrk(threads, connections, 10, token, null, base + "/actuator/health");
		Wrk warmStorm = wrk(threads, connections, Integer.getInteger("bench.warmup", 20), token, script,
				base + "/api/intake/alertmanager");
		List<Wrk> measured = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			measured.add(wrk(threads, connections, seconds, token, null, base + "/actuator/health"));
			measured.add(wrk(threads, connections, seconds, token, script, base + "/api/intake/alertmanager"));
		}

		long incidents = jdbc.queryForObject("select count(*) from incident where title like ?", Long.class,
				"StormAlert-" + run + "-%");
		long distinctTitles = jdbc.queryForObject(
				"select count(distinct title) from incident where title like ?", Long.class, "StormAlert-" + run + "-%");
		long groups = jdbc.queryForObject("select count(*) from monitoring_alert_group where group_key like ?",
				Long.class, "%StormAlert-" + run + "-%");
		long alerts = jdbc.queryForObject("select count(*) from monitoring_alert where fingerprint like ?", Long.class,
				run + "-%");

		StringBuilder md = new StringBuilder();
		md.append("# Alert storm, ").append(DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.SECONDS)))
			.append("\n\n");
		md.append(String.format(Locale.ROOT, "wrk (second process) with %d threads and %d connections, %d s per phase,"
				+ " after the %d groups were opened (first notification twice at once, %.0f s) and a warm-up (baseline"
				+ " %s req, storm %s req, %d non-2xx). 95 %% exact repeats,"
				+ " 5 %% one more alert of the group. Webhook with an integration token (Bearer, scope"
				+ " intake.alertmanager); baseline GET /actuator/health on the same server. Cores: %d. Load average"
				+ " at the end: %s.%n%n", threads, connections, seconds, GROUPS, primeSeconds, warmBaseline.requests,
				warmStorm.requests, warmStorm.non2xx, Runtime.getRuntime().availableProcessors(),
				Files.readString(Path.of("/proc/loadavg")).trim()));
		md.append("| phase | requests | non-2xx | requests/s | ratio ÷ baseline | p50 ms | p90 ms | p99 ms |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int i = 0; i < measured.size(); i += 2) {
			Wrk baseline = measured.get(i);
			Wrk storm = measured.get(i + 1);
			md.append(baseline.row("baseline: GET /actuator/health, round " + (i / 2 + 1), baseline));
			md.append(storm.row("storm: POST /api/intake/alertmanager, round " + (i / 2 + 1), baseline));
		}
		md.append(String.format(Locale.ROOT, "%nIn the database afterwards: %d incidents for the storm's alerts (%d"
				+ " distinct titles, so %d duplicates), %d alert groups, %d alerts (distinct fingerprints). %s%n",
				incidents, distinctTitles, incidents - distinctTitles, groups, alerts,
				incidents == GROUPS && distinctTitles == GROUPS ? "**0 duplicate incidents.**"
						: "**Not one incident per group.**"));
		Path results = Path.of(System.getProperty("bench.results", "bench/results"));
		Files.createDirectories(results);
		Path file = results.resolve("alert-storm-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
			.withZone(ZoneOffset.UTC).format(started) + ".md");
		Files.writeString(file, md);
		System.out.println(md);
	}

	/** The group's notification exactly as the Lua script below builds it without an extra alert. */
	static String body(String run, int g) {
		String name = "StormAlert-" + run + "-" + g;
		String alert = String.format(Locale.ROOT, "{\"status\":\"firing\",\"labels\":{\"alertname\":\"%s\","
				+ "\"severity\":\"warning\",\"service\":\"storm\",\"instance\":\"%s\"},\"annotations\":"
				+ "{\"summary\":\"Storm alert %d\"},\"startsAt\":\"2026-12-01T10:00:00.000Z\",\"endsAt\":"
				+ "\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus.example.org:9090/graph\","
				+ "\"fingerprint\":\"%s\"}", name, "storm-" + g + ".example.org:9100", g, run + "-" + g + "-a");
		return String.format(Locale.ROOT, "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"%s\\\"}\","
				+ "\"truncatedAlerts\":0,\"status\":\"firing\",\"receiver\":\"incident-flow\",\"groupLabels\":"
				+ "{\"alertname\":\"%s\"},\"commonLabels\":{\"alertname\":\"%s\",\"severity\":\"warning\","
				+ "\"service\":\"storm\"},\"commonAnnotations\":{\"summary\":\"Storm alert %d\"},"
				+ "\"externalURL\":\"http://alertmanager.example.org:9093\",\"alerts\":[%s]}", name, name, name, g,
				alert);
	}

	/** Per request: a group at random; 95 % the group's notification as before, 5 % with one more alert. */
	static String lua(String run) {
		return """
				local run = "%s"
				local groups = %d
				math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1000000))
				local function body(g, extra)
				  local name = "StormAlert-" .. run .. "-" .. g
				  local alert = function(fp, instance) return string.format([[{"status":"firing","labels":{"alertname":"%%s","severity":"warning","service":"storm","instance":"%%s"},"annotations":{"summary":"Storm alert %%s"},"startsAt":"2026-12-01T10:00:00.000Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example.org:9090/graph","fingerprint":"%%s"}]], name, instance, g, fp) end
				  local alerts = alert(run .. "-" .. g .. "-a", "storm-" .. g .. ".example.org:9100")
				  if extra then alerts = alerts .. "," .. alert(run .. "-" .. g .. "-" .. extra, "storm-" .. g .. "-" .. extra .. ".example.org:9100") end
				  return string.format([[{"version":"4","groupKey":"{}:{alertname=\\"%%s\\"}","truncatedAlerts":0,"status":"firing","receiver":"incident-flow","groupLabels":{"alertname":"%%s"},"commonLabels":{"alertname":"%%s","severity":"warning","service":"storm"},"commonAnnotations":{"summary":"Storm alert %%s"},"externalURL":"http://alertmanager.example.org:9093","alerts":[%%s]}]], name, name, name, g, alerts)
				end
				-- a headers table given to wrk.format replaces the -H headers (the token): add to them instead
				init = function(args)
				  wrk.headers["Content-Type"] = "application/json"
				end
				request = function()
				  local g = math.random(1, groups)
				  local extra = nil
				  if math.random() < 0.05 then extra = tostring(math.random(1, 1000000000)) end
				  return wrk.format("POST", nil, nil, body(g, extra))
				end
				""".formatted(run, GROUPS);
	}

	Wrk wrk(int threads, int connections, int seconds, String token, Path script, String url) throws Exception {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
				"--latency", "--timeout", "10s", "-H", "Authorization: Bearer " + token));
		if (script != null) {
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(url);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		process.waitFor(seconds + 60L, TimeUnit.SECONDS);
		System.out.println("[alert-storm] " + String.join(" ", command).replace(token, "…") + "\n" + out);
		return Wrk.parse(out);
	}

	record Wrk(long requests, long non2xx, double perSecond, double p50, double p90, double p99) {

		static Wrk parse(String out) {
			return new Wrk(match(out, "(\\d+) requests in").longValue(), matchOr(out, "Non-2xx or 3xx responses: (\\d+)"),
					match(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "50%"), millis(out, "90%"), millis(out, "99%"));
		}

		String row(String name, Wrk baseline) {
			return String.format(Locale.ROOT, "| %s | %,d | %,d | %.0f | %.2f | %.1f | %.1f | %.1f |%n", name, requests,
					non2xx, perSecond, perSecond / baseline.perSecond, p50, p90, p99);
		}

		static Double match(String out, String regex) {
			Matcher m = Pattern.compile(regex).matcher(out);
			if (!m.find()) {
				throw new IllegalStateException("wrk output without " + regex + ":\n" + out);
			}
			return Double.valueOf(m.group(1));
		}

		static long matchOr(String out, String regex) {
			Matcher m = Pattern.compile(regex).matcher(out);
			return m.find() ? Long.parseLong(m.group(1)) : 0;
		}

		static double millis(String out, String percentile) {
			Matcher m = Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
			if (!m.find()) {
				throw new IllegalStateException("wrk output without the " + percentile + " latency:\n" + out);
			}
			double value = Double.parseDouble(m.group(1));
			return switch (m.group(2)) {
				case "us" -> value / 1000;
				case "s" -> value * 1000;
				default -> value;
			};
		}
	}

}
