package org.incidentflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.NewIncident;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.filter.TypeExcludeFilters;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Timer storm: how fast the job executor works off N SLA timers of real incidents that all fall due at once, as a
 * ratio against the raw job-execution rate of N no-op timers (start → timer → end, deployed by the benchmark) drained
 * by the same job executor on the same database in the same run; on one node and on two. Checks that no timer is
 * lost and none fires twice (job log and the SLA effects on the incident records), and how late a single timer fires
 * on an idle node (the idle back-off).
 * <p>
 * The incidents are reported through {@link IncidentReporting} in parallel threads while the job executor is stopped;
 * their response-warning and response-breach timers are then made due by SQL ({@code ACT_RU_JOB.DUEDATE_} in the
 * past, the warning a minute before the breach, as in real life). Node 2 is a second process engine in the same JVM
 * on the same database and Spring beans, with its own job executor of the same settings and its own host name (so the
 * job log tells which node ran a job); not a second Spring context.
 * <p>
 * Not part of {@code ./mvnw verify} (tag "benchmark"); run it with {@code bench/timer-storm.sh}. System properties:
 * {@code bench.timers} (timers per phase), {@code bench.threads} (reporting threads), {@code bench.nodes} ("1,2"),
 * {@code bench.results}. The job executor's settings are the product's (application.yaml) unless overridden with
 * {@code camunda.bpm.job-execution.*} system properties. No assertion on speed: the result is a report.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({ "demo", "test" })
@TypeExcludeFilters(IntakeThroughputBenchmark.WithoutProcessTestCoverage.class)
class TimerStormBenchmark {

	static final String NOOP_KEY = "benchmark-noop-timer";
	static final String PRODUCT_KEY = "incident-management";
	static final List<String> SLA_TIMERS = List.of("SlaResponseWarning", "SlaResponseBreach");

	/** The same four realistic reports as the intake benchmark, so that both measure the same incidents. */
	private static final NewIncident[] INCIDENTS = IntakeThroughputBenchmark.INCIDENTS;

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
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	ApplicationContext applicationContext;

	private JdbcTemplate jdbc;
	private boolean postgres;

	@Test
	void timerStorm() throws Exception {
		int timers = Integer.getInteger("bench.timers", 1_000);
		int threads = Integer.getInteger("bench.threads", 2);
		List<Integer> nodeCounts = List.of(System.getProperty("bench.nodes", "1,2").split(",")).stream()
			.map(String::trim).map(Integer::valueOf).toList();
		Path resultFolder = Path.of(System.getProperty("bench.results", "bench/results"));
		jdbc = new JdbcTemplate(dataSource);
		try (Connection connection = dataSource.getConnection()) {
			postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}

		JobExecutor node1 = engineConfiguration.getJobExecutor();
		node1.shutdown(); // started by the starter at application start; off while the work is created
		log("job executor: %s", settings(node1));

		int incidentsPerPhase = (timers + SLA_TIMERS.size() - 1) / SLA_TIMERS.size();
		long start = System.nanoTime();
		List<Incident> incidents = report(incidentsPerPhase * nodeCounts.size(), threads);
		double reportSeconds = (System.nanoTime() - start) / 1e9;
		log("reported %d incidents in %.0f s (%.1f/s, %d threads)", incidents.size(), reportSeconds,
				incidents.size() / reportSeconds, threads);

		List<Phase> phases = new ArrayList<>();
		List<Lateness> lateness = new ArrayList<>();
		// warm-up of the job execution path (not reported)
		drain("warm-up", List.of(node1), noopTimers(Math.min(2_000, timers), threads), Checks.NONE);

		ProcessEngine node2Engine = null;
		try {
			for (int p = 0; p < nodeCounts.size(); p++) {
				int nodes = nodeCounts.get(p);
				List<JobExecutor> executors = new ArrayList<>(List.of(node1));
				if (nodes > 1) {
					if (node2Engine == null) {
						node2Engine = secondNode(node1);
					}
					executors.add(((ProcessEngineConfigurationImpl) node2Engine.getProcessEngineConfiguration())
						.getJobExecutor());
				}
				Work noop = noopTimers(timers, threads);
				phases.add(drain("baseline: no-op timer", executors, noop, Checks.NOOP));
				List<Incident> mine = incidents.subList(p * incidentsPerPhase, (p + 1) * incidentsPerPhase);
				phases.add(drain("product: SLA timers of incidents", executors, slaTimers(mine), Checks.SLA));
				lateness.add(lateness(nodes, executors));
			}
		}
		finally {
			if (node2Engine != null) {
				node2Engine.close();
			}
		}

		String report = report(phases, lateness, node1, timers, incidents.size(), reportSeconds, threads);
		System.out.println();
		System.out.println(report);
		Files.createDirectories(resultFolder);
		Path file = resultFolder.resolve("timer-storm-"
				+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
		Files.writeString(file, report);
		log("result written to %s", file.toAbsolutePath());
	}

	// ---------------------------------------------------------------- the work

	/** A set of due timer jobs and the SQL condition that selects them in ACT_RU_JOB and ACT_HI_JOB_LOG. */
	private record Work(int jobs, String jobCondition, String logCondition, List<Incident> incidents) {
	}

	private List<Incident> report(int count, int threads) throws Exception {
		List<Incident> reported = java.util.Collections.synchronizedList(new ArrayList<>());
		parallel(count, threads, i -> reported.add(reporting.report(INCIDENTS[i % INCIDENTS.length])));
		reported.sort(java.util.Comparator.comparing(Incident::getId));
		return new ArrayList<>(reported);
	}

	/** N instances of a fresh version of the no-op model, their timers made due now. */
	private Work noopTimers(int count, int threads) throws Exception {
		BpmnModelInstance model = Bpmn.createExecutableProcess(NOOP_KEY)
			.name("Benchmark: no-op timer")
			.camundaHistoryTimeToLive(1)
			.startEvent("Started")
			.intermediateCatchEvent("Wait")
			.timerWithDate("${due}")
			.endEvent("Done")
			.done();
		String deploymentId = repositoryService.createDeployment()
			.name("timer-storm-benchmark")
			.addModelInstance(NOOP_KEY + ".bpmn", model)
			.enableDuplicateFiltering(false)
			.deploy()
			.getId();
		ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
			.singleResult();
		Date later = Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
		parallel(count, threads,
				i -> runtimeService.startProcessInstanceById(definition.getId(), Map.of("due", later)));
		String condition = "PROCESS_DEF_ID_ = '" + definition.getId() + "'";
		jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where " + condition,
				Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
		return new Work(count, condition, condition, List.of());
	}

	/** The response-warning and response-breach timers of these incidents, made due now (warning first). */
	private Work slaTimers(List<Incident> incidents) {
		long first = incidents.get(0).getId();
		long last = incidents.get(incidents.size() - 1).getId();
		String ofIncidents = "PROCESS_INSTANCE_ID_ in (select process_instance_id from incident where id between "
				+ first + " and " + last + ")";
		String jobCondition = ofIncidents + " and JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = ?)";
		Instant now = Instant.now();
		int made = 0;
		for (int i = 0; i < SLA_TIMERS.size(); i++) {
			made += jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where " + jobCondition,
					Timestamp.from(now.minus(SLA_TIMERS.size() - i, ChronoUnit.MINUTES)), SLA_TIMERS.get(i));
		}
		String activities = "'" + String.join("', '", SLA_TIMERS) + "'";
		return new Work(made,
				ofIncidents + " and JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ in (" + activities + "))",
				ofIncidents + " and ACT_ID_ in (" + activities + ")", incidents);
	}

	private static void parallel(int count, int threads, IntConsumer iteration) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<Throwable> firstFailure = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					try {
						iteration.accept(i);
					}
					catch (RuntimeException e) {
						failed.incrementAndGet();
						firstFailure.compareAndSet(null, e);
						next.decrementAndGet(); // retried by the next turn: the count stays exact
					}
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		if (failed.get() > 0) {
			log("%d failed iterations retried; first: %s", failed.get(), firstFailure.get());
		}
	}

	// ---------------------------------------------------------------- draining

	private enum Checks {
		NONE, NOOP, SLA
	}

	private Phase drain(String name, List<JobExecutor> executors, Work work, Checks checks) throws Exception {
		long[] before = counters();
		long start = System.nanoTime();
		executors.forEach(JobExecutor::start);
		int left;
		while ((left = count("select count(*) from ACT_RU_JOB where " + work.jobCondition)) > 0) {
			Thread.sleep(100);
			if (System.nanoTime() - start > 3_600_000_000_000L) {
				throw new IllegalStateException(left + " jobs still due after an hour");
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		executors.forEach(JobExecutor::shutdown);
		Thread.sleep(1_500); // let the backends report their statistics
		long[] delta = delta(before, counters());
		Phase phase = new Phase(name, executors.size(), work.jobs, seconds, delta, check(work, checks));
		log("%s on %d node(s): %d jobs in %.1f s = %.1f/s; %s", name, phase.nodes, phase.jobs, seconds,
				phase.perSecond(), phase.checks);
		return phase;
	}

	private String check(Work work, Checks checks) {
		if (checks == Checks.NONE) {
			return "";
		}
		String log = "from ACT_HI_JOB_LOG where " + work.logCondition;
		int succeeded = count("select count(*) " + log + " and JOB_STATE_ = 2");
		int distinct = count("select count(distinct JOB_ID_) " + log + " and JOB_STATE_ = 2");
		int failures = count("select count(*) " + log + " and JOB_STATE_ = 1");
		List<Map<String, Object>> perNode = jdbc.queryForList(
				"select HOSTNAME_ as node, count(*) as jobs " + log + " and JOB_STATE_ = 2 group by HOSTNAME_ order by HOSTNAME_");
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"job log: %d jobs succeeded once (of %d), %d succeeded twice or more, %d failed attempts (retried)",
				distinct, work.jobs, succeeded - distinct, failures));
		if (perNode.size() > 1) {
			out.append("; per node ");
			perNode.forEach(row -> out.append(row.get("jobs")).append(' '));
		}
		if (checks == Checks.NOOP) {
			out.append(String.format(Locale.ROOT, "; %d instances left waiting", count(
					"select count(*) from ACT_RU_EXECUTION where " + work.jobCondition.replace("PROCESS_DEF_ID_", "PROC_DEF_ID_"))));
		}
		else {
			long first = work.incidents.get(0).getId();
			long last = work.incidents.get(work.incidents.size() - 1).getId();
			String entries = "select count(*) from incident_activity where incident_id between " + first + " and "
					+ last + " and event = ?";
			String perIncident = "select count(*) from (select incident_id from incident_activity where incident_id between "
					+ first + " and " + last + " and event = ? group by incident_id having count(*) = 1) once";
			out.append(String.format(Locale.ROOT,
					"; records: %d incidents, SLA_WARNING %d entries (%d incidents exactly once), SLA_BREACHED %d entries"
							+ " (%d incidents exactly once), response_breached on %d",
					work.incidents.size(), count(entries, "SLA_WARNING"), count(perIncident, "SLA_WARNING"),
					count(entries, "SLA_BREACHED"), count(perIncident, "SLA_BREACHED"),
					count("select count(*) from incident where response_breached = true and id between " + first + " and "
							+ last)));
		}
		return out.toString();
	}

	/**
	 * How late one timer fires on idle nodes: wait until the idle back-off has reached its maximum, then start a few
	 * no-op timers due a little later and compare the job log's time of execution with the due date.
	 */
	private Lateness lateness(int nodes, List<JobExecutor> executors) throws Exception {
		JobExecutor node1 = executors.get(0);
		executors.forEach(JobExecutor::start);
		long maxWait = node1.getMaxWait();
		Thread.sleep(2 * maxWait + 2_000);
		Work work = noopTimers(0, 1);
		String definitionId = work.jobCondition.replaceAll(".*'(.*)'.*", "$1");
		int samples = 5;
		Instant base = Instant.now().plusMillis(maxWait + 1_000);
		for (int i = 0; i < samples; i++) {
			runtimeService.startProcessInstanceById(definitionId,
					Map.of("due", Date.from(base.plusMillis(i * (maxWait / samples + 313)))));
		}
		while (count("select count(*) from ACT_RU_JOB where " + work.jobCondition) > 0) {
			Thread.sleep(100);
		}
		executors.forEach(JobExecutor::shutdown);
		List<Long> late = jdbc.queryForList(
				"select TIMESTAMP_, JOB_DUEDATE_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2 and " + work.logCondition)
			.stream()
			.map(row -> ((Timestamp) row.get("TIMESTAMP_")).getTime() - ((Timestamp) row.get("JOB_DUEDATE_")).getTime())
			.sorted()
			.toList();
		log("lateness on %d idle node(s), max wait %d ms: %s ms", nodes, maxWait, late);
		return new Lateness(nodes, maxWait, late);
	}

	/**
	 * A second process engine on the same database, Spring beans and transaction manager, with a job executor of the
	 * same settings: what a second node of the cluster does with the jobs, without a second application context.
	 */
	private ProcessEngine secondNode(JobExecutor node1) {
		SpringProcessEngineConfiguration node2 = new SpringProcessEngineConfiguration();
		node2.setProcessEngineName("timer-storm-node-2");
		node2.setHostname("timer-storm-node-2");
		node2.setDataSource(dataSource);
		node2.setTransactionManager(transactionManager);
		node2.setApplicationContext(applicationContext);
		node2.setExpressionManager(new org.camunda.bpm.engine.spring.SpringExpressionManager(applicationContext));
		node2.setDatabaseSchemaUpdate("false");
		node2.setHistory(engineConfiguration.getHistory());
		IdGenerator ids = engineConfiguration.getIdGenerator();
		node2.setIdGenerator(ids);
		node2.setAuthorizationEnabled(engineConfiguration.isAuthorizationEnabled());
		node2.setJavaSerializationFormatEnabled(engineConfiguration.isJavaSerializationFormatEnabled());
		node2.setDefaultSerializationFormat(engineConfiguration.getDefaultSerializationFormat());
		node2.setCmmnEnabled(engineConfiguration.isCmmnEnabled());
		node2.setDmnEnabled(engineConfiguration.isDmnEnabled());
		node2.setMetricsEnabled(false);
		node2.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
		node2.setJobExecutorActivate(false);
		node2.setJobExecutorDeploymentAware(false);
		node2.setJobExecutorPreferTimerJobs(engineConfiguration.isJobExecutorPreferTimerJobs());
		node2.setJobExecutorAcquireByDueDate(engineConfiguration.isJobExecutorAcquireByDueDate());
		node2.setJobExecutorAcquireByPriority(engineConfiguration.isJobExecutorAcquireByPriority());
		DefaultJobExecutor executor = new DefaultJobExecutor();
		if (node1.getClass().getName().contains("Spring")) {
			org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor pool = applicationContext.getBean(
					"camundaTaskExecutor", org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class);
			executor.setCorePoolSize(pool.getCorePoolSize());
			executor.setMaxPoolSize(pool.getMaxPoolSize());
			executor.setQueueSize(pool.getQueueCapacity());
		}
		executor.setMaxJobsPerAcquisition(node1.getMaxJobsPerAcquisition());
		executor.setWaitTimeInMillis(node1.getWaitTimeInMillis());
		executor.setMaxWait(node1.getMaxWait());
		executor.setWaitIncreaseFactor(node1.getWaitIncreaseFactor());
		executor.setBackoffTimeInMillis(node1.getBackoffTimeInMillis());
		executor.setMaxBackoff(node1.getMaxBackoff());
		executor.setBackoffDecreaseThreshold(node1.getBackoffDecreaseThreshold());
		executor.setLockTimeInMillis(node1.getLockTimeInMillis());
		node2.setJobExecutor(executor);
		return node2.buildProcessEngine();
	}

	// ---------------------------------------------------------------- report

	private record Phase(String name, int nodes, int jobs, double seconds, long[] rows, String checks) {

		double perSecond() {
			return jobs / seconds;
		}

		String perJob(int counter) {
			return rows == null || jobs == 0 ? "" : String.format(Locale.ROOT, "%.1f", (double) rows[counter] / jobs);
		}
	}

	private record Lateness(int nodes, long maxWait, List<Long> millis) {
	}

	private String settings(JobExecutor executor) {
		String pool = "";
		if (executor.getClass().getName().contains("Spring")) {
			org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor threads = applicationContext.getBean(
					"camundaTaskExecutor", org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class);
			pool = String.format(Locale.ROOT, "threads %d–%d, queue %d, ", threads.getCorePoolSize(),
					threads.getMaxPoolSize(), threads.getQueueCapacity());
		}
		return String.format(Locale.ROOT,
				"%s%d jobs per acquisition, wait %d ms (×%.1f when idle) up to max wait %d ms, lock %d ms, "
						+ "prefer timers %s, by due date %s, by priority %s",
				pool, executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(), executor.getWaitIncreaseFactor(),
				executor.getMaxWait(), executor.getLockTimeInMillis(), engineConfiguration.isJobExecutorPreferTimerJobs(),
				engineConfiguration.isJobExecutorAcquireByDueDate(), engineConfiguration.isJobExecutorAcquireByPriority());
	}

	private String report(List<Phase> phases, List<Lateness> lateness, JobExecutor node1, int timers, int incidents,
			double reportSeconds, int threads) throws SQLException {
		StringBuilder out = new StringBuilder();
		out.append("# Timer storm, ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
			.append("\n\n");
		String database;
		try (Connection connection = dataSource.getConnection()) {
			database = connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		out.append(String.format(Locale.ROOT,
				"Database: %s. History level: %s. Cores: %d. Java %s. %d timers per phase; %d incidents reported in "
						+ "%.0f s (%.1f/s on %d threads) before the drains, job executor stopped.%n%n",
				database, engineConfiguration.getHistory(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), timers, incidents, reportSeconds, incidents / reportSeconds, threads));
		out.append("Job executor (each node): ").append(settings(node1)).append(".\n\n");
		out.append("| Phase | Nodes | Jobs | Seconds | Jobs/s | Ratio product/baseline | Rows inserted/job "
				+ "| Rows updated/job | Rows deleted/job | Commits/job | Rollbacks |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Phase phase : phases) {
			Phase baseline = phases.stream()
				.filter(p -> p.name.startsWith("baseline") && p.nodes == phase.nodes)
				.findFirst()
				.orElseThrow();
			String ratio = phase == baseline ? "1 (baseline)"
					: String.format(Locale.ROOT, "**%.3f**", phase.perSecond() / baseline.perSecond());
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %s | %s | %s | %s | %s | %s |%n",
					phase.name, phase.nodes, phase.jobs, phase.seconds, phase.perSecond(), ratio, phase.perJob(0),
					phase.perJob(1), phase.perJob(2), phase.perJob(3), phase.rows == null ? "" : phase.rows[4]));
		}
		out.append("\nChecks (none lost, none twice):\n\n");
		for (Phase phase : phases) {
			out.append("- ").append(phase.name).append(", ").append(phase.nodes).append(" node(s): ")
				.append(phase.checks).append('\n');
		}
		out.append("\nLateness of a single timer on idle nodes (job log time of execution − due date):\n\n");
		for (Lateness late : lateness) {
			out.append(String.format(Locale.ROOT, "- %d node(s), max wait %d ms: %s ms (max %d ms)%n", late.nodes,
					late.maxWait, late.millis, late.millis.isEmpty() ? -1 : late.millis.get(late.millis.size() - 1)));
		}
		out.append("\nSeconds: from starting the job executor(s) until no job of the phase is left (polled every "
				+ "100 ms). Rows and commits per job: pg_stat_database of this database over the phase (approximate, "
				+ "backends report about once a second; includes the 10 polls per second). Node 2 is a second process "
				+ "engine in the same JVM.\n");
		return out.toString();
	}

	// ---------------------------------------------------------------- database

	private int count(String sql, Object... args) {
		Integer count = jdbc.queryForObject(sql, Integer.class, args);
		return count == null ? 0 : count;
	}

	private long[] counters() {
		if (!postgres) {
			return null;
		}
		return jdbc.queryForObject(
				"select tup_inserted, tup_updated, tup_deleted, xact_commit, xact_rollback from pg_stat_database "
						+ "where datname = current_database()",
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
	}

	private static long[] delta(long[] before, long[] after) {
		if (before == null || after == null) {
			return null;
		}
		long[] delta = new long[before.length];
		for (int i = 0; i < before.length; i++) {
			delta[i] = after[i] - before[i];
		}
		return delta;
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[timer-storm] " + format + "%n", args);
	}

}
