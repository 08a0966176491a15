package org.incidentflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.process.ProcessCoverageTestConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.autoconfigure.filter.TypeExcludeFilters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Intake throughput: how many incidents per second {@link IncidentReporting#report(NewIncident)} logs (record,
 * activity entry, categorisation/priority/SLA decisions, triage task with its two SLA timers), as a ratio against the
 * cheapest thing the same engine can do on the same database in the same run: starting a minimal process (start event
 * → user task, same history level). Absolute numbers depend on the machine; the ratio says what the product's intake
 * costs on top of the engine.
 * <p>
 * Not part of {@code ./mvnw verify} (tag "benchmark" is excluded in pom.xml); run it with
 * {@code bench/intake-throughput.sh}, which gives it its own PostgreSQL database. Durations in seconds through system
 * properties {@code bench.warmup} (60), {@code bench.measure} (30 per phase), {@code bench.threads} (2; 1 skips the
 * multi-threaded phases); {@code bench.results} is the folder of the Markdown result. There is no assertion on
 * speed: the result is a report, never a verdict.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@TypeExcludeFilters(IntakeThroughputBenchmark.WithoutProcessTestCoverage.class)
class IntakeThroughputBenchmark {

	static final String BASELINE_KEY = "benchmark-baseline";

	/** Four realistic reports (outage, degradation, hardware, security); the timer-storm benchmark uses them too. */
	static final NewIncident[] INCIDENTS = {
			new NewIncident("VPN gateway unreachable from the Hamburg branch",
					"Since 09:10 nobody in the branch can connect to the VPN; the gateway does not answer pings.",
					"rita", Channel.PORTAL, "vpn", "vpn-gw-hh-01", IncidentType.SERVICE_OUTAGE, Level.HIGH, Level.HIGH),
			new NewIncident("Payroll export is very slow",
					"The monthly payroll export takes 40 minutes instead of 5; it finishes, but HR waits.", "rob",
					Channel.EMAIL, "payroll", null, IncidentType.SERVICE_DEGRADATION, Level.MEDIUM, Level.MEDIUM),
			new NewIncident("Laptop does not boot", "Black screen after the logo, fan runs.", "rita", Channel.PHONE,
					"workplace", "nb-4711", IncidentType.HARDWARE, Level.LOW, Level.MEDIUM),
			new NewIncident("Suspicious login on my mail account",
					"I received a notification about a login from a country I have never been to.", "rob",
					Channel.CHAT, "email", null, IncidentType.SECURITY, Level.MEDIUM, Level.HIGH) };

	@Autowired
	IncidentReporting reporting;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ProcessEngineConfigurationImpl engineConfiguration;

	@Autowired
	DataSource dataSource;

	private final AtomicLong sequence = new AtomicLong();

	@Test
	void intakeThroughput() throws Exception {
		Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 60));
		Duration measure = Duration.ofSeconds(Long.getLong("bench.measure", 30));
		int threads = Integer.getInteger("bench.threads", 2);
		Path resultFolder = Path.of(System.getProperty("bench.results", "bench/results"));

		deployBaseline();
		DatabaseCounters counters = DatabaseCounters.of(dataSource);

		log("warm-up %d s (baseline and product alternating, single thread)", warmup.toSeconds());
		run("warm-up", 1, warmup, () -> {
			startBaseline();
			reportIncident();
		}, DatabaseCounters.NONE);

		List<Phase> phases = new ArrayList<>();
		phases.add(run("baseline: start → user task", 1, measure, this::startBaseline, counters));
		phases.add(run("product: IncidentReporting.report", 1, measure, this::reportIncident, counters));
		if (threads > 1) {
			phases.add(run("baseline: start → user task", threads, measure, this::startBaseline, counters));
			phases.add(run("product: IncidentReporting.report", threads, measure, this::reportIncident, counters));
		}

		String report = report(phases, warmup, measure, threads);
		System.out.println();
		System.out.println(report);
		Files.createDirectories(resultFolder);
		Path file = resultFolder.resolve("intake-throughput-"
				+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
		Files.writeString(file, report);
		log("result written to %s", file.toAbsolutePath());
	}

	/** Deployed by the benchmark itself so that the product's models stay untouched; same engine, same history. */
	private void deployBaseline() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(BASELINE_KEY)
			.name("Benchmark baseline")
			.camundaHistoryTimeToLive(1)
			.startEvent("Started")
			.userTask("Work")
			.name("Work")
			.camundaCandidateGroups("service-desk")
			.endEvent("Done")
			.done();
		repositoryService.createDeployment()
			.name("intake-throughput-benchmark")
			.addModelInstance(BASELINE_KEY + ".bpmn", model)
			.enableDuplicateFiltering(false)
			.deploy();
	}

	private void startBaseline() {
		runtimeService.startProcessInstanceByKey(BASELINE_KEY, "BENCH-" + sequence.incrementAndGet());
	}

	private void reportIncident() {
		reporting.report(INCIDENTS[(int) (sequence.incrementAndGet() % INCIDENTS.length)]);
	}

	private Phase run(String name, int threads, Duration duration, Runnable iteration, DatabaseCounters counters)
			throws InterruptedException {
		LongAdder done = new LongAdder();
		LongAdder failed = new LongAdder();
		List<Throwable> firstFailure = new ArrayList<>();
		long[] before = counters.read();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				while (System.nanoTime() < deadline) {
					try {
						iteration.run();
						done.increment();
					}
					catch (RuntimeException e) {
						// e.g. an optimistic locking conflict under concurrency: counted and shown, never hidden
						failed.increment();
						synchronized (firstFailure) {
							if (firstFailure.isEmpty()) {
								firstFailure.add(e);
							}
						}
					}
				}
			}, "bench-" + i);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] after = counters.read();
		Phase phase = new Phase(name, threads, done.sum(), failed.sum(), seconds, DatabaseCounters.delta(before, after));
		log("%s, %d thread(s): %d instances in %.1f s = %.1f/s, %d failed", name, threads, phase.instances, seconds,
				phase.perSecond(), phase.failed);
		if (!firstFailure.isEmpty()) {
			log("first failure: %s", firstFailure.get(0));
		}
		return phase;
	}

	private String report(List<Phase> phases, Duration warmup, Duration measure, int threads) throws SQLException {
		StringBuilder out = new StringBuilder();
		out.append("# Intake throughput, ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
			.append("\n\n");
		out.append(String.format(Locale.ROOT,
				"Database: %s. History level: %s. Cores: %d. Java %s. Warm-up %d s, %d s per phase.%n%n",
				databaseProduct(), engineConfiguration.getHistory(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), warmup.toSeconds(), measure.toSeconds()));
		out.append("| Phase | Threads | Instances | Failed | Instances/s | Ratio product/baseline "
				+ "| Rows inserted/instance | Rows updated/instance | Commits/instance | WAL kB/instance |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Phase phase : phases) {
			Phase baseline = phases.stream()
				.filter(p -> p.name.startsWith("baseline") && p.threads == phase.threads)
				.findFirst()
				.orElseThrow();
			String ratio = phase == baseline ? "1 (baseline)"
					: String.format(Locale.ROOT, "%.3f", phase.perSecond() / baseline.perSecond());
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s | %s | %s | %s | %s |%n", phase.name,
					phase.threads, phase.instances, phase.failed, phase.perSecond(), ratio, phase.perInstance(0),
					phase.perInstance(1), phase.perInstance(2), phase.walPerInstance()));
		}
		out.append("\nRows and commits per instance: PostgreSQL's pg_stat_database for this database over the phase "
				+ "(approximate: backends report their counters about once a second); empty on other databases.\n");
		out.append("WAL per instance: pg_current_wal_lsn() before and after the phase; the WAL is the whole "
				+ "PostgreSQL cluster's, so other databases' work on the same server counts too (an upper bound).\n");
		if (threads > 1) {
			out.append("Multi-threaded ratios compare against the baseline with the same number of threads.\n");
		}
		return out.toString();
	}

	private String databaseProduct() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[intake-throughput] " + format + "%n", args);
	}

	private record Phase(String name, int threads, long instances, long failed, double seconds, long[] rows) {

		double perSecond() {
			return instances / seconds;
		}

		String walPerInstance() {
			return rows == null || instances == 0 ? ""
					: String.format(Locale.ROOT, "%.1f", rows[3] / 1024.0 / instances);
		}

		String perInstance(int counter) {
			return rows == null || instances == 0 ? ""
					: String.format(Locale.ROOT, "%.1f", (double) rows[counter] / instances);
		}
	}

	/**
	 * Rows inserted, rows updated and commits of this database from PostgreSQL's statistics: what the database
	 * really did, without a proxy in front of the DataSource that would slow down what we measure.
	 */
	private interface DatabaseCounters {

		DatabaseCounters NONE = () -> null;

		long[] read();

		static DatabaseCounters of(DataSource dataSource) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
					return NONE;
				}
			}
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			return () -> {
				// autocommit: each read is its own transaction, so PostgreSQL's cached statistics snapshot is fresh
				return jdbc.queryForObject(
						"select tup_inserted, tup_updated, xact_commit, (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint"
								+ " from pg_stat_database where datname = current_database()",
						(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) });
			};
		}

		static long[] delta(long[] before, long[] after) {
			if (before == null || after == null) {
				return null;
			}
			long[] delta = new long[before.length];
			for (int i = 0; i < before.length; i++) {
				delta[i] = after[i] - before[i];
			}
			return delta;
		}
	}

	/**
	 * The process test coverage configuration (picked up by the component scan in every Spring test) adds execution
	 * listeners to every flow node: fine for tests, not what production runs. The benchmark's context leaves it out.
	 */
	static class WithoutProcessTestCoverage extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return ProcessCoverageTestConfiguration.class.getName().equals(reader.getClassMetadata().getClassName());
		}

		@Override
		public boolean equals(Object other) {
			return other != null && getClass() == other.getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}
	}

}
