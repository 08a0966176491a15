package org.incidentflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.incidentflow.knowledge.AppliedKnowledge;
import org.incidentflow.knowledge.KnowledgeSearch;
import org.incidentflow.knowledge.RankedKnowledgeSearch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.filter.TypeExcludeFilters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The suggestion query ({@link AppliedKnowledge#suggestionsFor}: what {@code GET /api/incidents/{n}/suggestions} and
 * the Triage form run) over 50,000 published known errors and articles on PostgreSQL, beside a baseline measured in
 * the same run: reading one known error by its number through the same JDBC pool (an index lookup, the floor of any
 * query). The queries are incident titles and descriptions as users write them, typos included. The data is written
 * with plain SQL (generate_series) from word pools across ten services, with a unique token per record so that the
 * vocabulary is large. Not part of {@code ./mvnw verify} (tag "benchmark"); run with {@code bench/knowledge-search.sh}.
 * No assertion on speed: the result is a report (bench/results/knowledge-search-*.md).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "server.port=${bench.port:8103}")
@ActiveProfiles({ "demo", "test" })
@TypeExcludeFilters(IntakeThroughputBenchmark.WithoutProcessTestCoverage.class)
class KnowledgeSearchBenchmark {

	static final String[][] QUERIES = {
			{ "Outlok crashes after the update", "Outlook closes at start since this morning", "email" },
			{ "vnp disconnects on home network", "the tunnel drops every few minutes", "vpn" },
			{ "printer offline floor 3", "cannot print, jobs stay in the queue", "printing" },
			{ "SAP very slow month end", "posting invoices times out", "erp" },
			{ "account locked after password change", "locked again after unlock", "accounts" },
			{ "wifi asks for password again", "cannot connect to CORP wireless", "wifi" },
			{ "laptop battery empty in the morning", "notebook drains in sleep", "laptops" },
			{ "teams no audio bluetooth headset", "others cannot hear me", "collaboration" },
			{ "onedrive not syncing red cross", "files not synchronised", "collaboration" },
			{ "badge not recognised at printer", "follow me printing does not release", "printing" } };

	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	AppliedKnowledge suggestions;
	@Autowired
	RankedKnowledgeSearch search;

	@Test
	void suggestionQueryOverFiftyThousandItems() throws Exception {
		int items = Integer.getInteger("bench.items", 50_000);
		int repeat = Integer.getInteger("bench.repeat", 30);
		long started = System.nanoTime();
		generate(items);
		double generateSeconds = (System.nanoTime() - started) / 1e9;
		jdbc.execute("analyze known_error");
		jdbc.execute("analyze knowledge_article");
		String someNumber = jdbc.queryForObject("select max(number) from known_error", String.class);

		Supplier<Object> baseline = () -> jdbc.queryForMap("select * from known_error where number = ?", someNumber);
		// warm-up: plans, caches, JIT
		for (int i = 0; i < 5; i++) {
			baseline.get();
			for (String[] q : QUERIES) {
				suggestions.suggestionsFor(q[0], q[1], q[2], null, KnowledgeSearch.Audience.INTERNAL, 5);
			}
		}
		List<Double> base = new ArrayList<>();
		List<Double> suggest = new ArrayList<>();
		List<Double> requester = new ArrayList<>();
		int hits = 0;
		for (int r = 0; r < repeat; r++) {
			for (String[] q : QUERIES) {
				base.add(time(baseline));
				long t = System.nanoTime();
				hits += suggestions.suggestionsFor(q[0], q[1], q[2], null, KnowledgeSearch.Audience.INTERNAL, 5).size();
				suggest.add((System.nanoTime() - t) / 1e6);
				requester.add(time(() -> search.search(q[0], q[2], null, KnowledgeSearch.Audience.REQUESTER, 10)));
			}
		}
		StringBuilder md = new StringBuilder();
		md.append("# Knowledge search benchmark ").append(Instant.now()).append("\n\n");
		md.append(String.format(Locale.ROOT,
				"%d published items (%d known errors, %d articles), generated in %.1f s; %d calls per row after warm-up; "
						+ "backend: %s; load average %s%n%n",
				items, items / 2, items - items / 2, generateSeconds, base.size(),
				search.fullText() ? "PostgreSQL full text + pg_trgm" : "portable",
				Files.readString(Path.of("/proc/loadavg")).trim()));
		md.append("| call | p50 ms | p95 ms | max ms |\n|---|---|---|---|\n");
		row(md, "baseline: one known error by number (index lookup)", base);
		row(md, "suggestion query (title + description + service, top 5)", suggest);
		row(md, "portal search (requester audience, top 10)", requester);
		md.append(String.format(Locale.ROOT, "%nmean hits per suggestion query: %.1f%n", (double) hits / suggest.size()));
		Path results = Path.of(System.getProperty("bench.results", "bench/results"));
		Files.createDirectories(results);
		Path file = results.resolve("knowledge-search-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
			.withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
		Files.writeString(file, md);
		System.out.println(md);
	}

	private void generate(int items) {
		String services = "array['email','vpn','printing','erp','accounts','wifi','laptops','collaboration','file-services','telephony']";
		String things = "array['Outlook','VPN client','Floor printer','SAP GUI','User account','Wi-Fi','Laptop','Teams','OneDrive','Desk phone','Mailbox','GlobalProtect','Scanner','Invoice posting','MFA prompt','Docking station','Calendar','Network drive','Badge reader','Headset']";
		String faults = "array['crashes','disconnects','shows offline','is very slow','fails to start','freezes','stops syncing','gets locked','times out','shows an error','drops','asks for the password again','cannot connect','is not recognised','stays black']";
		String contexts = "array['after the update','on floor 3','at login','during month end','with the docking station','on the home network','in meeting rooms','after a password change','in the morning','for new joiners','on Windows 11','since the migration']";
		int half = items / 2;
		jdbc.update("insert into known_error (id, number, version, problem_number, title, symptom, workaround, root_cause,"
				+ " error_code, service, state, created_by, created_at, updated_at, published_at)"
				+ " select 5000000 + g, 'KE-' || (5000000 + g), 0, 'PRB-' || (5000000 + g),"
				+ " (" + things + ")[1 + g % 20] || ' ' || (" + faults + ")[1 + (g / 20) % 15] || ' ' || (" + contexts
				+ ")[1 + (g / 300) % 12] || ' ' || substr(md5(g::text), 1, 6),"
				+ " 'Users report that ' || lower((" + things + ")[1 + g % 20]) || ' ' || (" + faults
				+ ")[1 + (g / 7) % 15] || ' ' || (" + contexts + ")[1 + (g / 11) % 12] || '; ticket ref ' || md5(g::text),"
				+ " 'Restart ' || (" + things + ")[1 + (g / 3) % 20] || ' and sign in again; token ' || substr(md5((g + 1)::text), 1, 8),"
				+ " 'internal cause ' || md5(g::text), 'ERR-' || (g % 997), (" + services + ")[1 + g % 10], 'PUBLISHED', 'bench',"
				+ " now(), now(), now() from generate_series(1, ?) g", half);
		jdbc.update("insert into knowledge_article (id, number, version, title, body, service, category, audience, state,"
				+ " published_revision, view_count, helpful_count, unhelpful_count, created_by, created_at, updated_at, published_at)"
				+ " select 5000000 + g, 'KB-' || (5000000 + g), 0,"
				+ " 'How to fix: ' || (" + things + ")[1 + (g / 5) % 20] || ' ' || (" + faults + ")[1 + g % 15] || ' ' || substr(md5(g::text), 1, 6),"
				+ " '1. Open **' || (" + things + ")[1 + (g / 5) % 20] || '**\n2. Check it ' || (" + contexts
				+ ")[1 + g % 12] || '\n3. If it still ' || (" + faults + ")[1 + (g / 13) % 15] || ', call the service desk. Ref ' || md5(g::text),"
				+ " (" + services + ")[1 + (g / 5) % 10], 'how-to', case when g % 3 = 0 then 'INTERNAL' else 'REQUESTER' end,"
				+ " 'PUBLISHED', 1, 0, 0, 0, 'bench', now(), now(), now() from generate_series(1, ?) g", items - half);
	}

	private static double time(Supplier<Object> call) {
		long t = System.nanoTime();
		call.get();
		return (System.nanoTime() - t) / 1e6;
	}

	private static void row(StringBuilder md, String name, List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, percentile(sorted, 0.5),
				percentile(sorted, 0.95), sorted.get(sorted.size() - 1)));
	}

	private static double percentile(List<Double> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}
}
