package org.incidentflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * The report endpoints over 100,000 incidents (and about 1.4 million activity entries) on PostgreSQL: response times
 * of {@code GET /api/reports/kpis} and {@code /volume} for a month and a whole year, beside a baseline measured in the
 * same run, the product's everyday list call {@code GET /api/incidents?size=20}. Beside each time: what the database
 * did per call (rows read, from {@code pg_stat_database}) and how often the indexes of V90 were used.
 * <p>
 * The data is written with plain SQL (generate_series), not through the process: a year of a service desk's records
 * with realistic shares (85 % closed, 8 % open, 5 % resolved, 2 % canceled; 10 % reassigned, 8 % escalated, 3 %
 * reopened, 6 % breached). Not part of {@code ./mvnw verify} (tag "benchmark"); run it with {@code bench/reports.sh}.
 * No assertion on speed: the result is a report.
 */
@Tag("benchmark")
// a fixed port (bench.port) so that the benchmark stays inside the port range it was given on a shared machine
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "server.port=${bench.port:8122}")
@ActiveProfiles({ "demo", "test" })
@TypeExcludeFilters(IntakeThroughputBenchmark.WithoutProcessTestCoverage.class)
class ReportsBenchmark {

	static final String[] SERVICES = { "vpn", "email", "payroll", "erp", "crm", "intranet", "wifi", "printing",
			"workplace", "telephony", "sharepoint", "teams", "sap", "hr portal", "web shop", "dns", "backup",
			"monitoring", "directory", "file share" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void reportsOverOneHundredThousandIncidents() throws Exception {
		int count = Integer.getInteger("bench.incidents", 100_000);
		int repeat = Integer.getInteger("bench.repeat", 20);
		Instant now = Instant.now();
		long generateStart = System.nanoTime();
		generate(count, now);
		double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
		long incidents = jdbc.queryForObject("select count(*) from incident", Long.class);
		long activity = jdbc.queryForObject("select count(*) from incident_activity", Long.class);
		long open = jdbc.queryForObject("select count(*) from incident where state in ('NEW','IN_PROGRESS','ON_HOLD')",
				Long.class);

		LocalDate today = now.atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
		String month = "from=" + today.minusDays(29) + "&to=" + today;
		String year = "from=" + today.minusDays(364) + "&to=" + today;
		Map<String, String> calls = new java.util.LinkedHashMap<>();
		calls.put("baseline: GET /api/incidents?size=20", "/api/incidents?size=20");
		calls.put("kpis, last 30 days", "/api/reports/kpis?" + month);
		calls.put("kpis, last 30 days, groupBy=priority", "/api/reports/kpis?" + month + "&groupBy=priority");
		calls.put("kpis, last 365 days", "/api/reports/kpis?" + year);
		calls.put("kpis, last 365 days, groupBy=assignmentGroup", "/api/reports/kpis?" + year + "&groupBy=assignmentGroup");
		calls.put("kpis, last 365 days, groupBy=configurationItem", "/api/reports/kpis?" + year + "&groupBy=configurationItem");
		calls.put("volume, last 30 days, per day", "/api/reports/volume?" + month + "&interval=day");
		calls.put("volume, last 365 days, per day", "/api/reports/volume?" + year + "&interval=day");
		calls.put("volume, last 365 days, per week, groupBy=service", "/api/reports/volume?" + year
				+ "&interval=week&groupBy=service");

		// warm-up: the JIT and the database's caches
		long warmUntil = System.nanoTime() + Long.getLong("bench.warmup", 60) * 1_000_000_000L;
		while (System.nanoTime() < warmUntil) {
			for (String path : calls.values()) {
				call(path);
			}
		}

		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		List<String> rows = new ArrayList<>();
		double baselineP50 = 0;
		for (Map.Entry<String, String> entry : calls.entrySet()) {
			Map<String, Long> dbBefore = dbStats();
			long indexBefore = v90IndexScans();
			List<Double> millis = new ArrayList<>();
			int bytes = 0;
			for (int i = 0; i < repeat; i++) {
				long start = System.nanoTime();
				bytes = call(entry.getValue());
				millis.add((System.nanoTime() - start) / 1e6);
			}
			Map<String, Long> dbAfter = dbStats();
			long indexScans = v90IndexScans() - indexBefore;
			millis.sort(null);
			double p50 = percentile(millis, 0.5);
			if (rows.isEmpty()) {
				baselineP50 = p50;
			}
			rows.add(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f | %s | %,d | %,d | %d | %,d |",
					entry.getKey(), p50, percentile(millis, 0.95), millis.get(millis.size() - 1), p50 / baselineP50,
					millis.get(millis.size() - 1) <= 1000 ? "yes" : "**no**",
					(dbAfter.get("returned") - dbBefore.get("returned")) / repeat,
					(dbAfter.get("fetched") - dbBefore.get("fetched")) / repeat, indexScans / repeat, bytes));
		}

		String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
		String explain = String.join("\n", jdbc.queryForList("explain (analyze, buffers, costs off) "
				+ "select i.id from incident i where i.kind = 'INCIDENT' and ((i.reported_at >= now() - interval '30 days')"
				+ " or (i.first_response_at >= now() - interval '30 days') or (i.resolved_at >= now() - interval '30 days')"
				+ " or (i.closed_at >= now() - interval '30 days') or i.state in ('NEW', 'IN_PROGRESS', 'ON_HOLD'))",
				String.class));

		StringBuilder md = new StringBuilder();
		md.append("# Reports over ").append(String.format(Locale.ROOT, "%,d", incidents)).append(" incidents, ")
			.append(DateTimeFormatter.ISO_INSTANT.format(now)).append("\n\n");
		md.append(String.format(Locale.ROOT, "Data: %,d incidents (%,d open), %,d activity entries, generated in %.1f s. "
				+ "%d calls per row after a %d s warm-up, HTTP Basic as maria, one client thread.%n%n", incidents, open,
				activity, generateSeconds, repeat, Long.getLong("bench.warmup", 60)));
		md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average (1, 5, 15 min)"
				+ " before the measured calls ").append(loadBefore).append(", after ").append(loadAfter)
			.append(": every process on the machine competes for the cores, so compare the ratios.\n\n");
		md.append("| call | p50 ms | p95 ms | max ms | p50 ÷ baseline | max ≤ 1 s | rows returned by scans per call"
				+ " | rows fetched by index per call | V90 index scans per call | response bytes |\n");
		md.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
		rows.forEach(r -> md.append(r).append('\n'));
		md.append("\nPlan of the period query for the last 30 days (shape of ReportReader's main query):\n\n```\n")
			.append(explain).append("\n```\n");
		Path results = Path.of(System.getProperty("bench.results", "bench/results"));
		Files.createDirectories(results);
		Path file = results.resolve("reports-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
			.withZone(ZoneOffset.UTC).format(now) + ".md");
		Files.writeString(file, md);
		System.out.println(md);
	}

	/** One year of incidents up to {@code now}, with their activity, in plain SQL. */
	void generate(int count, Instant now) {
		jdbc.execute("select setval('incident_seq', (select coalesce(max(id), 0) + 1 from incident))");
		jdbc.update("""
				insert into incident (id, number, version, kind, title, caller, channel, type, category, service,
				  configuration_item, impact, urgency, priority, state, assignment_group, escalation_chain, reported_at,
				  first_response_at, resolved_at, closed_at, response_due_at, resolution_due_at, paused_millis,
				  response_breached, resolution_breached, reopen_count, updated_at)
				select nextval('incident_seq'), 'INC-B' || lpad(g::text, 7, '0'), 0, 'INCIDENT', 'Benchmark incident ' || g,
				  'rita', (array['PORTAL','EMAIL','PHONE','CHAT','MONITORING'])[1 + g % 5], 'SOFTWARE',
				  (array['network','application','hardware','general','security'])[1 + g % 5],
				  (?::text[])[1 + (g * 7) % 20], 'ci-' || ((g * 13) % 500), 'MEDIUM', 'MEDIUM',
				  (array[1,2,2,3,3,3,4,4,4,5])[1 + g % 10],
				  case when g % 100 < 85 then 'CLOSED' when g % 100 < 90 then 'RESOLVED' when g % 100 < 92 then 'CANCELED'
				       when g % 100 < 95 then 'NEW' when g % 100 < 98 then 'IN_PROGRESS' else 'ON_HOLD' end,
				  (array['service-desk','network-ops','app-support','security-ops','service-desk'])[1 + g % 5],
				  case when g % 100 < 8 then 'service-desk,network-ops' end,
				  t.reported, t.reported + interval '20 minutes',
				  case when g % 100 < 90 then t.reported + (g % 600) * interval '1 minute' end,
				  case when g % 100 < 85 then t.reported + (g % 600) * interval '1 minute' + interval '1 day' end,
				  t.reported + interval '30 minutes', t.reported + interval '8 hours',
				  case when g % 17 = 0 then 3600000 else 0 end, g % 50 < 3, g % 50 >= 47, case when g % 33 = 0 then 1 else 0 end,
				  t.reported
				from generate_series(1, ?) g,
				  lateral (select cast(? as timestamptz) - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute'
				           - interval '2 days' as reported) t
				""", ps -> {
			ps.setArray(1, ps.getConnection().createArrayOf("text", SERVICES));
			ps.setInt(2, count);
			ps.setObject(3, java.time.OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		});
		// per incident: REPORTED, CATEGORIZED, PRIORITIZED, TRIAGED, RESOLVED, CLOSED and their audit rows
		jdbc.update("""
				insert into incident_activity (incident_id, at, actor, event, field, old_value, new_value, detail)
				select i.id, i.reported_at + e.n * interval '1 minute', 'system', e.event, e.field, e.old_value,
				  case when e.field = 'assignmentGroup' then i.assignment_group else e.new_value end, null
				from incident i cross join (values
				  (0, 'REPORTED', null, null, null), (0, 'FIELD_CHANGED', 'assignmentGroup', null, null),
				  (0, 'FIELD_CHANGED', 'category', null, 'general'), (0, 'CATEGORIZED', null, null, null),
				  (0, 'FIELD_CHANGED', 'priority', null, '3'), (0, 'PRIORITIZED', null, null, null),
				  (0, 'FIELD_CHANGED', 'responseDueAt', null, 'x'), (0, 'FIELD_CHANGED', 'resolutionDueAt', null, 'x'),
				  (20, 'TRIAGED', null, null, null), (20, 'FIELD_CHANGED', 'state', 'new', 'in_progress'),
				  (20, 'STATE_CHANGED', 'state', 'new', 'in_progress'), (20, 'FIELD_CHANGED', 'firstResponseAt', null, 'x'),
				  (60, 'RESOLVED', null, null, null), (60, 'STATE_CHANGED', 'state', 'in_progress', 'resolved')
				) as e(n, event, field, old_value, new_value)
				where i.number like 'INC-B%'
				""");
		jdbc.update("""
				insert into incident_activity (incident_id, at, actor, event, field, old_value, new_value, detail)
				select i.id, i.reported_at + interval '30 minutes', 'nick', 'FIELD_CHANGED', 'assignmentGroup',
				  'service-desk', i.assignment_group, null
				from incident i where i.number like 'INC-B%' and i.id % 10 = 0
				""");
		jdbc.update("""
				insert into incident_activity (incident_id, at, actor, event, field, old_value, new_value, detail)
				select i.id, i.reported_at + interval '10 minutes', 'rita', 'CANCELED', null, null, null, 'Withdrawn'
				from incident i where i.number like 'INC-B%' and i.state = 'CANCELED'
				""");
		jdbc.execute("vacuum analyze incident");
		jdbc.execute("vacuum analyze incident_activity");
	}

	int call(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("maria:demo".getBytes(StandardCharsets.UTF_8)))
			.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return response.body().length;
	}

	/** Counters of this database; backends report them about every second, so wait for that first. */
	Map<String, Long> dbStats() throws InterruptedException {
		Thread.sleep(1100);
		jdbc.execute("select pg_stat_clear_snapshot()");
		return jdbc.queryForObject("select tup_returned, tup_fetched from pg_stat_database where datname = current_database()",
				(row, n) -> Map.of("returned", row.getLong(1), "fetched", row.getLong(2)));
	}

	long v90IndexScans() throws InterruptedException {
		Thread.sleep(100);
		jdbc.execute("select pg_stat_clear_snapshot()");
		Long scans = jdbc.queryForObject("select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes where indexrelname in"
				+ " ('incident_reported_at_idx', 'incident_first_response_at_idx', 'incident_resolved_at_idx',"
				+ " 'incident_closed_at_idx', 'incident_activity_event_at_idx', 'incident_activity_field_idx')", Long.class);
		return scans == null ? 0 : scans;
	}

	static double percentile(List<Double> sorted, double fraction) {
		double rank = fraction * (sorted.size() - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (rank - lower);
	}

}
