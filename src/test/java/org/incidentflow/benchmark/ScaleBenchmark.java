package org.incidentflow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
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
 * The product with a growing backlog of open incidents (stages, default 1,000 / 10,000 / 100,000): at each stage the
 * calls an agent makes all day, as alice (service-desk) over HTTP with authorization on, and what completing a task
 * costs, compared with the first stage of the same run.
 * <ul>
 * <li>Tasklist's "My group's tasks": {@code GET /engine-rest/task?candidateGroup=service-desk&...maxResults=15} and
 * its count, p50/p95;</li>
 * <li>the incident list {@code GET /api/incidents?state=new&size=20} (default sort), p50/p95;</li>
 * <li>completing a triage task through {@code POST /engine-rest/task/{id}/complete} as alice, tasks per second;</li>
 * <li>the live heap after a full GC (this JVM).</li>
 * </ul>
 * The backlog is loaded the way incidents arrive: {@link IncidentReporting#report} (record, activity, process with
 * its decisions and SLA timers), in parallel threads, and for nine in ten incidents the triage task is completed
 * through {@link TaskService} ("it is an incident"), so that the open work is spread over the assignment groups
 * (Investigate) as in a real backlog, with the rest waiting for triage by service-desk or security-ops. Nothing is
 * written with SQL. Not part of {@code ./mvnw verify} (tag "benchmark"); run it with {@code bench/scale.sh}. No
 * assertion on speed: the result is a report.
 */
@Tag("benchmark")
// a fixed port (bench.port) so that the benchmark stays inside the port range it was given on a shared machine
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "server.port=${bench.port:8110}")
@ActiveProfiles({ "demo", "test" })
@TypeExcludeFilters(IntakeThroughputBenchmark.WithoutProcessTestCoverage.class)
class ScaleBenchmark {

	static final String TASK_LIST = "/engine-rest/task?candidateGroup=service-desk&firstResult=0&maxResults=15"
			+ "&sortBy=created&sortOrder=desc";
	static final String TASK_COUNT = "/engine-rest/task/count?candidateGroup=service-desk";
	static final String INCIDENT_LIST = "/api/incidents?state=new&size=20";

	/** Realistic reports; the categorisation decision sends them to network-ops, app-support, service-desk, security-ops. */
	private static final NewIncident[] MIX = {
			new NewIncident("VPN gateway unreachable from the Hamburg branch",
					"Since 09:10 nobody in the branch can connect to the VPN; the gateway does not answer pings.",
					"rita", Channel.PORTAL, "vpn", "vpn-gw-hh-01", IncidentType.SERVICE_OUTAGE, Level.HIGH, Level.HIGH),
			new NewIncident("Payroll export is very slow",
					"The monthly payroll export takes 40 minutes instead of 5; it finishes, but HR waits.", "rob",
					Channel.EMAIL, "payroll", null, IncidentType.SERVICE_DEGRADATION, Level.MEDIUM, Level.MEDIUM),
			new NewIncident("Laptop does not boot", "Black screen after the logo, fan runs.", "rita", Channel.PHONE,
					"workplace", "nb-4711", IncidentType.HARDWARE, Level.LOW, Level.MEDIUM),
			new NewIncident("Wi-Fi drops every few minutes on floor 3", "Laptops lose the connection and reconnect.",
					"rob", Channel.PORTAL, "wifi", null, IncidentType.SERVICE_DEGRADATION, Level.MEDIUM, Level.MEDIUM),
			new NewIncident("CRM shows an error when saving a contact", "Error 500 after pressing save.", "rita",
					Channel.PORTAL, "crm", null, IncidentType.SOFTWARE, Level.LOW, Level.MEDIUM),
			new NewIncident("Printer on floor 2 jams", "Every second page jams in tray 1.", "rob", Channel.PHONE,
					"printing", "prn-2-01", IncidentType.HARDWARE, Level.LOW, Level.LOW),
			new NewIncident("Email delivery delayed", "Mails to external addresses arrive an hour late.", "rita",
					Channel.EMAIL, "email", null, IncidentType.SERVICE_DEGRADATION, Level.MEDIUM, Level.HIGH),
			new NewIncident("DNS does not resolve intranet names", "intranet.example.org does not resolve from VPN.",
					"rob", Channel.CHAT, "dns", null, IncidentType.SERVICE_OUTAGE, Level.MEDIUM, Level.HIGH),
			new NewIncident("ERP report runs out of memory", "The stock report aborts after ten minutes.", "rita",
					Channel.PORTAL, "erp", null, IncidentType.SOFTWARE, Level.MEDIUM, Level.MEDIUM),
			new NewIncident("Suspicious login on my mail account",
					"I received a notification about a login from a country I have never been to.", "rob",
					Channel.CHAT, "email", null, IncidentType.SECURITY, Level.MEDIUM, Level.HIGH) };

	@LocalServerPort
	int port;

	@Autowired
	IncidentReporting reporting;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient client = HttpClient.newHttpClient();

	final AtomicInteger sequence = new AtomicInteger();

	/** The incidents loaded through the API in the first stage: the template the later stages are copied from. */
	long templateMaxId;

	int copies;

	/** Engine columns that hold the id of an instance-scoped row: a copy gets the template's value + "~" + copy no. */
	static final java.util.Set<String> INSTANCE_SCOPED_IDS = java.util.Set.of("id_", "root_proc_inst_id_",
			"proc_inst_id_", "process_instance_id_", "execution_id_", "task_id_", "act_inst_id_", "parent_act_inst_id_",
			"parent_id_", "super_exec_", "parent_task_id_", "bytearray_id_", "var_inst_id_", "job_id_", "dec_inst_id_",
			"root_dec_inst_id_", "super_process_instance_id_", "call_proc_inst_id_", "exception_stack_id_",
			"job_exception_stack_id_", "cause_incident_id_", "root_cause_incident_id_", "operation_id_", "var_scope_");

	/** In FK order: executions before what refers to them. */
	static final List<String> ENGINE_TABLES = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task", "act_ru_identitylink",
			"act_ru_variable", "act_ru_job", "act_ru_event_subscr", "act_hi_procinst", "act_hi_actinst",
			"act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log",
			"act_hi_job_log", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out");

	/**
	 * The faster path for the large stages: copies of the incidents the first stage reported through the API, with
	 * SQL, until {@code target} incidents exist. Every row the API wrote for them is copied (record, activity, process
	 * instance: executions, task, identity links, variables, timers, event subscriptions, and its history: instance,
	 * activities, tasks, variables, details, identity links, decisions, job log); instance-scoped engine ids get a
	 * suffix, the copy gets a new incident id and number from the product's sequences, and the number is also its
	 * business key and its incidentNumber variable. Timestamps and every other value stay the template's.
	 */
	int cloneUpTo(int target) {
		long templateSize = jdbc.queryForObject("select count(*) from incident where id <= ?", Long.class, templateMaxId);
		long existing = jdbc.queryForObject("select count(*) from incident", Long.class);
		int needed = (int) Math.ceil((target - existing) / (double) templateSize);
		jdbc.execute("create table if not exists scale_clone (copy int, old_id bigint, old_pi varchar(64),"
				+ " new_id bigint, new_number varchar(40))");
		int batch = 10;
		for (int from = copies + 1; from <= copies + needed; from += batch) {
			int to = Math.min(from + batch - 1, copies + needed);
			jdbc.update("truncate scale_clone");
			// numbers as Incident.formatNumber makes them: INC- and at least six digits
			jdbc.update("insert into scale_clone select g, id, process_instance_id, new_id,"
					+ " 'INC-' || lpad(v::text, greatest(6, length(v::text)), '0') from (select g, i.id,"
					+ " i.process_instance_id, nextval('incident_seq') new_id, nextval('incident_number_seq') v"
					+ " from incident i cross join generate_series(?, ?) g where i.id <= ?) n", from, to, templateMaxId);
			jdbc.execute("analyze scale_clone");
			for (String table : ENGINE_TABLES) {
				copyEngineRows(table);
			}
			List<String> incidentColumns = columns("incident");
			jdbc.update("insert into incident (" + String.join(", ", incidentColumns) + ") select " + incidentColumns
				.stream()
				.map(c -> switch (c) {
					case "id" -> "m.new_id";
					case "number" -> "m.new_number";
					case "process_instance_id" -> "t.process_instance_id || '~' || m.copy";
					default -> "t." + c;
				})
				.collect(java.util.stream.Collectors.joining(", ")) + " from incident t join scale_clone m on m.old_id = t.id");
			List<String> activityColumns = new ArrayList<>(columns("incident_activity"));
			activityColumns.remove("id");
			jdbc.update("insert into incident_activity (" + String.join(", ", activityColumns) + ") select "
					+ activityColumns.stream()
						.map(c -> c.equals("incident_id") ? "m.new_id" : "t." + c)
						.collect(java.util.stream.Collectors.joining(", "))
					+ " from incident_activity t join scale_clone m on m.old_id = t.incident_id");
			log("copies %d-%d of the template written", from, to);
		}
		copies += needed;
		jdbc.execute("drop table scale_clone");
		long now = jdbc.queryForObject("select count(*) from incident", Long.class);
		sequence.set((int) now);
		return (int) (now - existing);
	}

	void copyEngineRows(String table) {
		List<String> columns = columns(table);
		String join;
		// the instance column first: child executions have no root_proc_inst_id_
		if (table.equals("act_ge_bytearray")) {
			// values of runtime variables (JSON, serialized objects) name no instance: found through their variable;
			// history's byte arrays carry the root instance
			copyRows(table, columns, "join act_ru_variable v on v.bytearray_id_ = t.id_ join scale_clone m on m.old_pi = v.proc_inst_id_");
			join = "join scale_clone m on m.old_pi = t.root_proc_inst_id_";
		}
		else if (columns.contains("proc_inst_id_")) {
			join = "join scale_clone m on m.old_pi = t.proc_inst_id_";
		}
		else if (columns.contains("root_proc_inst_id_")) {
			join = "join scale_clone m on m.old_pi = t.root_proc_inst_id_";
		}
		else if (columns.contains("process_instance_id_")) {
			join = "join scale_clone m on m.old_pi = t.process_instance_id_";
		}
		else if (table.equals("act_ru_identitylink")) {
			join = "join act_ru_task k on k.id_ = t.task_id_ join scale_clone m on m.old_pi = k.proc_inst_id_";
		}
		else {
			throw new IllegalStateException(table + " has no column naming its process instance");
		}
		copyRows(table, columns, join);
	}

	void copyRows(String table, List<String> columns, String join) {
		String select = columns.stream().map(c -> {
			if (INSTANCE_SCOPED_IDS.contains(c)) {
				return "t." + c + " || '~' || m.copy";
			}
			if (c.equals("business_key_")) {
				return "case when t.business_key_ is null then null else m.new_number end";
			}
			if (c.equals("text_") && columns.contains("name_")) {
				return "case when t.name_ = '" + Vars.INCIDENT_NUMBER + "' then m.new_number else t.text_ end";
			}
			return "t." + c;
		}).collect(java.util.stream.Collectors.joining(", "));
		jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
				+ " t " + join);
	}

	List<String> columns(String table) {
		return jdbc.queryForList("select column_name from information_schema.columns where table_schema = current_schema()"
				+ " and table_name = ? order by ordinal_position", String.class, table);
	}

	@Test
	void backlogStages() throws Exception {
		int[] stages = Arrays.stream(System.getProperty("bench.stages", "1000,10000,100000").split(","))
			.mapToInt(s -> Integer.parseInt(s.trim()))
			.toArray();
		int threads = Integer.getInteger("bench.threads", 2);
		int repeat = Integer.getInteger("bench.repeat", 30);
		int completions = Integer.getInteger("bench.completions", 100);
		Instant started = Instant.now();
		List<String> rows = new ArrayList<>();
		double firstCompletionRate = 0;
		boolean clone = Boolean.parseBoolean(System.getProperty("bench.clone", "true"));
		for (int stage : stages) {
			long loadStart = System.nanoTime();
			int loaded;
			if (templateMaxId == 0 || !clone) {
				loaded = load(stage, threads);
				templateMaxId = jdbc.queryForObject("select max(id) from incident", Long.class);
			}
			else {
				loaded = cloneUpTo(stage);
			}
			double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
			// PostgreSQL's autovacuum analyzes a table once 10 % of it changed; the benchmark does it at once, so that
			// every stage is measured with the statistics a node would have after a quiet minute
			for (String table : List.of("act_ru_task", "act_ru_identitylink", "act_ru_execution", "act_ru_variable",
					"act_ru_job", "act_ru_authorization", "incident", "incident_activity")) {
				jdbc.execute("analyze " + table);
			}
			Map<String, Long> facts = facts();
			Map<String, String> calls = new LinkedHashMap<>();
			calls.put("Tasklist \"My group's tasks\", first 15", TASK_LIST);
			calls.put("its count", TASK_COUNT);
			calls.put("GET /api/incidents?state=new&size=20", INCIDENT_LIST);
			for (int i = 0; i < 10; i++) {
				for (String path : calls.values()) {
					get(path);
				}
			}
			Map<String, double[]> times = new LinkedHashMap<>();
			for (Map.Entry<String, String> call : calls.entrySet()) {
				List<Double> millis = new ArrayList<>();
				for (int i = 0; i < repeat; i++) {
					long start = System.nanoTime();
					get(call.getValue());
					millis.add((System.nanoTime() - start) / 1e6);
				}
				millis.sort(null);
				times.put(call.getKey(), new double[] { percentile(millis, 0.5), percentile(millis, 0.95) });
			}
			double completionRate = completeTriageAsAlice(completions);
			if (firstCompletionRate == 0) {
				firstCompletionRate = completionRate;
			}
			long heap = liveHeapAfterFullGc();
			log("stage %,d: loaded %,d in %.0f s, %s, completions %.1f/s, heap %d MB", stage, loaded, loadSeconds, times
				.entrySet()
				.stream()
				.map(e -> String.format(Locale.ROOT, "%s p50 %.1f p95 %.1f", e.getKey(), e.getValue()[0], e.getValue()[1]))
				.toList(), completionRate, heap / 1_048_576);
			double[] list = times.get("Tasklist \"My group's tasks\", first 15");
			double[] count = times.get("its count");
			double[] incidents = times.get("GET /api/incidents?state=new&size=20");
			rows.add(String.format(Locale.ROOT,
					"| %,d | %,d | %,d | %,d | %,d | %.0f (%.1f/s) | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f | %.2f | %d |",
					stage, facts.get("open"), facts.get("tasks"), facts.get("serviceDesk"), facts.get("authorizations"),
					loadSeconds, loaded / loadSeconds, list[0], list[1], count[0], count[1], incidents[0], incidents[1],
					completionRate, completionRate / firstCompletionRate, heap / 1_048_576));
		}
		String explain = String.join("\n", jdbc.queryForList("explain (analyze, costs off) select count(distinct t.id_)"
				+ " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
				+ " where l.type_ = 'candidate' and l.group_id_ = 'service-desk'", String.class));

		StringBuilder md = new StringBuilder();
		md.append("# Scale: backlog of open incidents, ")
			.append(DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(ChronoUnit.SECONDS))).append("\n\n");
		md.append(String.format(Locale.ROOT, "Loaded through IncidentReporting.report with %d threads, triage completed"
				+ " for 9 in 10 (TaskService); %d calls per row after 10 warm-up rounds, HTTP Basic as alice"
				+ " (service-desk), authorization on; %d triage tasks completed per stage through"
				+ " POST /engine-rest/task/{id}/complete as alice, one client thread. Cores: %d. Load average at the"
				+ " end: %s. Heap: live heap after a full GC of the benchmark's JVM (max %d MB).%n%n", threads, repeat,
				completions, Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim(),
				Runtime.getRuntime().maxMemory() / 1_048_576));
		md.append("| stage | open incidents | open tasks | service-desk candidate tasks | ACT_RU_AUTHORIZATION rows"
				+ " | load s (incidents/s) | task list p50 / p95 ms | task count p50 / p95 ms"
				+ " | /api/incidents p50 / p95 ms | completions/s | completion rate ÷ first stage | live heap MB |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		rows.forEach(r -> md.append(r).append('\n'));
		md.append("\nPlan of the group's task count, last stage (the join the engine's task query makes,"
				+ " without the authorization part):\n\n```\n").append(explain).append("\n```\n");
		Path results = Path.of(System.getProperty("bench.results", "bench/results"));
		Files.createDirectories(results);
		Path file = results.resolve("scale-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
			.withZone(ZoneOffset.UTC).format(started) + ".md");
		Files.writeString(file, md);
		System.out.println(md);
	}

	/** Reports incidents until {@code target} exist (all open), 9 in 10 triaged; returns how many it reported. */
	int load(int target, int threads) throws InterruptedException {
		int startCount = sequence.get();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				int n;
				while (failure.get() == null && (n = sequence.incrementAndGet()) <= target) {
					try {
						Incident incident = reporting.report(MIX[n % MIX.length]);
						if (n % 10 != 0) {
							triage(incident.getProcessInstanceId());
						}
					}
					catch (RuntimeException e) {
						failure.compareAndSet(null, e);
					}
					if (n % 5000 == 0) {
						log("%,d incidents reported", n);
					}
				}
			}, "load-" + t);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("loading failed", failure.get());
		}
		sequence.set(target);
		return target - startCount;
	}

	void triage(String processInstanceId) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(Tasks.TRIAGE)
			.singleResult();
		taskService.complete(task.getId(), Map.of(Vars.CLASSIFICATION, "incident"));
	}

	/**
	 * Reports {@code n} more incidents for service-desk's triage (untimed), then completes their triage tasks as
	 * alice through the engine's REST API, one after another: completions per second.
	 */
	double completeTriageAsAlice(int n) throws Exception {
		List<String> taskIds = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			// the laptop: hardware, triaged by service-desk, not restricted
			Incident incident = reporting.report(MIX[2]);
			taskIds.add(taskService.createTaskQuery()
				.processInstanceId(incident.getProcessInstanceId())
				.taskDefinitionKey(Tasks.TRIAGE)
				.singleResult()
				.getId());
		}
		sequence.addAndGet(n);
		String body = "{\"variables\":{\"" + Vars.CLASSIFICATION + "\":{\"value\":\"incident\",\"type\":\"String\"}}}";
		long start = System.nanoTime();
		for (String taskId : taskIds) {
			HttpResponse<String> response = client.send(request("/engine-rest/task/" + taskId + "/complete")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 204) {
				throw new IllegalStateException("completing " + taskId + " answered " + response.statusCode() + ": "
						+ response.body());
			}
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}

	Map<String, Long> facts() {
		Map<String, Long> facts = new LinkedHashMap<>();
		facts.put("open", jdbc.queryForObject(
				"select count(*) from incident where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD')", Long.class));
		facts.put("tasks", jdbc.queryForObject("select count(*) from act_ru_task", Long.class));
		facts.put("serviceDesk", jdbc.queryForObject("select count(*) from act_ru_identitylink"
				+ " where group_id_ = 'service-desk' and type_ = 'candidate' and task_id_ is not null", Long.class));
		facts.put("authorizations", jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class));
		return facts;
	}

	static long liveHeapAfterFullGc() throws InterruptedException {
		for (int i = 0; i < 2; i++) {
			ManagementFactory.getMemoryMXBean().gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	void get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8)));
	}

	static double percentile(List<Double> sorted, double fraction) {
		double rank = fraction * (sorted.size() - 1);
		int lower = (int) Math.floor(rank);
		int upper = (int) Math.ceil(rank);
		return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (rank - lower);
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[scale] " + format + "%n", args);
	}

}
