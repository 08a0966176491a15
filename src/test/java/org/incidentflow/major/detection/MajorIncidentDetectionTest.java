package org.incidentflow.major.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.asset.CiStatus;
import org.incidentflow.asset.CiType;
import org.incidentflow.asset.ConfigurationItem;
import org.incidentflow.asset.ConfigurationItemRegistry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.major.MajorIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Detection on the real Spring context: reports through IncidentReporting, the steps "Look for a major incident" of
 * incident-management, the shipped (and a redeployed) decision major-incident-detection and the real steps of
 * major-incident-proposal, against the major incident itself ({@link MajorIncidents}: MajorIncidentService, which
 * starts major-incident for every declared parent): the assertions read the incidents' parents and
 * openMajorIncidentFor.
 * Each test has its own service, so that the shared context's other incidents never join its clusters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class MajorIncidentDetectionTest {

	static final Instant MONDAY_10 = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();

	@Autowired IncidentReporting reporting;
	@Autowired IncidentRepository incidents;
	@Autowired MajorIncidentProposalRepository proposals;
	@Autowired MajorIncidents majorIncidents;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired ManagementService managementService;
	@Autowired RepositoryService repositoryService;
	@Autowired IdentityService identityService;
	@Autowired ConfigurationItemRegistry registry;
	@Autowired ActivityRepository activity;
	@Autowired TransactionTemplate transaction;
	@Autowired TitleSimilarity similarity;
	@Autowired javax.sql.DataSource dataSource;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(MONDAY_10));
	}

	@AfterEach
	void tearDown() {
		identityService.clearAuthentication();
		ClockUtil.reset();
	}

	@Test
	void aBurstOf25ReportsFrom4ThreadsIsProposedOnceAcceptedIntoOneMajorIncidentAndA26thJoinsIt() throws Exception {
		String service = unique("VPN");
		List<String> numbers = Collections.synchronizedList(new ArrayList<>());
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			// 25 callers within 9 minutes: rounds of (up to) 4 parallel reports, the engine clock 90 s further each round
			for (int round = 0; round * 4 < 25; round++) {
				ClockUtil.setCurrentTime(Date.from(MONDAY_10.plus(Duration.ofSeconds(90L * round))));
				int first = round * 4;
				int size = Math.min(4, 25 - first);
				CyclicBarrier together = new CyclicBarrier(size);
				List<Future<?>> runs = new ArrayList<>();
				for (int i = first; i < first + size; i++) {
					int caller = i;
					runs.add(threads.submit(() -> {
						together.await(10, TimeUnit.SECONDS);
						numbers.add(report("VPN connection drops every few minutes (" + caller + ")", service,
								"caller-" + caller, Level.LOW));
						return null;
					}));
				}
				for (Future<?> run : runs) {
					run.get(60, TimeUnit.SECONDS);
				}
			}
			assertThat(numbers).hasSize(25);
			// every report from the 10th on found the threshold before any proposal was registered
			assertThat(proposalJobs(service)).hasSizeGreaterThanOrEqualTo(2);
			runProposalJobsInParallel(service, threads);
		}
		finally {
			threads.shutdown();
		}

		String key = DetectionFacts.clusterKey(service);
		assertThat(proposals.findByClusterKeyOrderByIdAsc(key)).hasSize(1);
		MajorIncidentProposal proposal = proposals.findByClusterKeyOrderByIdAsc(key).get(0);
		assertThat(proposal.getState()).isEqualTo(MajorIncidentProposal.Status.OPEN);
		assertThat(proposal.incidentNumberList()).containsExactlyInAnyOrderElementsOf(numbers);
		List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(key)
			.taskDefinitionKey("ReviewMajorProposal").list();
		assertThat(tasks).hasSize(1);
		Task review = tasks.get(0);
		assertThat(review.getName()).isEqualTo("Major incident proposed: 25 reports for service " + service + " in 9 minutes");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup("incident-managers").count()).isOne();
		assertThat((String) taskService.getVariable(review.getId(), "rule"))
			.isEqualTo("10 or more open reports for one service within 30 minutes");
		assertThat((String) taskService.getVariable(review.getId(), "decisionInputs"))
			.contains("- window = 30 minutes", "- serviceOpenCount = ", "- similarity = ", "- growthSinceRejection = (none)");
		assertThat((String) taskService.getVariable(review.getId(), "incidentList")).contains(numbers.toArray(String[]::new));
		// similar titles: pg_trgm on PostgreSQL, the same measure in Java elsewhere
		String inputs = (String) taskService.getVariable(review.getId(), "decisionInputs");
		double similar = Double.parseDouble(inputs.replaceAll("(?s).*- similarity = ([0-9.]+).*", "$1"));
		assertThat(similar).isGreaterThan(0.8);
		assertThat(similarity.usesPgTrgm()).isEqualTo(postgres());

		// an incident manager decides in Tasklist: the engine's authorizations of incident-managers apply
		identityService.setAuthentication("imogen", List.of("incident-managers"));
		assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("majorAccepted", false)))
			.hasMessageContaining("Why not is required.");
		taskService.complete(review.getId(), Map.of("majorAccepted", true));
		identityService.clearAuthentication();

		MajorIncidentProposal accepted = proposals.findById(proposal.getId()).orElseThrow();
		assertThat(accepted.getState()).isEqualTo(MajorIncidentProposal.Status.ACCEPTED);
		assertThat(accepted.getDecidedBy()).isEqualTo("imogen");
		String major = accepted.getMajorNumber();
		// the most severe report (all equal here) and of those the first reported is the major incident
		assertThat(major).isIn(numbers);
		assertThat(majorIncidents.openMajorIncidentFor(service)).contains(major);
		Set<String> children = childrenOf(major);
		assertThat(children).hasSize(24).doesNotContain(major);
		assertThat(children).containsExactlyInAnyOrderElementsOf(numbers.stream().filter(n -> !n.equals(major)).toList());

		// a 26th report joins the open major incident as a child, its caller told; no further proposal
		ClockUtil.setCurrentTime(Date.from(MONDAY_10.plus(Duration.ofMinutes(12))));
		String late = report("VPN connection drops again", service, "caller-25", Level.LOW);
		List<Job> joins = proposalJobs(service);
		assertThat(joins).hasSize(1);
		managementService.executeJob(joins.get(0).getId());
		assertThat(parentOf(late)).isEqualTo(major);
		assertThat(childrenOf(major)).hasSize(25);
		assertThat(events(late)).contains("LINKED_TO_PARENT");
		assertThat(proposals.findByClusterKeyOrderByIdAsc(key)).hasSize(1);
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
	}

	@Test
	void aP1OnACriticality1ConfigurationItemIsPromotedWithoutAProposal() {
		String service = unique("Payments");
		String ci = "pay-db-" + UUID.randomUUID().toString().substring(0, 8);
		registry.create(ci, new ConfigurationItem.Attributes("Payments database", CiType.DATABASE, service, "app-support",
				1, "Lyon", CiStatus.IN_USE, Set.of()), "olga");
		String number = reporting.report(new NewIncident("Payments database down", "All card payments fail", "paul",
				Channel.PORTAL, service, ci, IncidentType.SERVICE_OUTAGE, Level.HIGH, Level.HIGH)).getNumber();
		assertThat(incidents.findByNumber(number).orElseThrow().getPriority()).isEqualTo(1);
		List<Job> jobs = proposalJobs(service);
		assertThat(jobs).hasSize(1);
		managementService.executeJob(jobs.get(0).getId());

		assertThat(majorIncidents.openMajorIncidentFor(service)).contains(number);
		MajorIncidentProposal promoted = proposals.findByClusterKeyOrderByIdAsc(DetectionFacts.clusterKey(service)).get(0);
		assertThat(promoted.getState()).isEqualTo(MajorIncidentProposal.Status.PROMOTED);
		assertThat(promoted.getRuleName()).isEqualTo("P1 on a criticality-1 configuration item");
		assertThat(promoted.getDecisionInputs()).contains("- priority = 1", "- ciCriticality = 1");
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(DetectionFacts.clusterKey(service)).count())
			.isZero();

		// a P3 on the same CI is no major incident of its own: it joins
		String next = report("Payments slow", service, "petra", Level.LOW);
		managementService.executeJob(proposalJobs(service).get(0).getId());
		assertThat(parentOf(next)).isEqualTo(number);
	}

	@Test
	void aPromotionDecidesTheOpenProposalOfItsServiceAndTheLaterAcceptanceChangesNothing() {
		String service = unique("Citrix");
		List<String> cluster = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			cluster.add(report("Citrix session frozen " + i, service, "caller-" + i, Level.LOW));
		}
		managementService.executeJob(proposalJobs(service).get(0).getId());
		String key = DetectionFacts.clusterKey(service);
		Task review = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
		assertThat(review).isNotNull();

		String ci = "citrix-farm-" + UUID.randomUUID().toString().substring(0, 8);
		registry.create(ci, new ConfigurationItem.Attributes("Citrix farm", CiType.APPLICATION, service, "app-support",
				1, "Lyon", CiStatus.IN_USE, Set.of()), "olga");
		String p1 = reporting.report(new NewIncident("Citrix farm down", "Nobody can log in", "paul", Channel.PORTAL,
				service, ci, IncidentType.SERVICE_OUTAGE, Level.HIGH, Level.HIGH)).getNumber();
		managementService.executeJob(proposalJobs(service).get(0).getId());

		MajorIncidentProposal promoted = proposals.findByClusterKeyOrderByIdAsc(key).get(0);
		assertThat(proposals.findByClusterKeyOrderByIdAsc(key)).hasSize(1);
		assertThat(promoted.getState()).isEqualTo(MajorIncidentProposal.Status.PROMOTED);
		assertThat(promoted.getMajorNumber()).isEqualTo(p1);
		assertThat(childrenOf(p1)).containsExactlyInAnyOrderElementsOf(cluster);

		taskService.complete(review.getId(), Map.of("majorAccepted", true));
		assertThat(proposals.findById(promoted.getId()).orElseThrow().getState())
			.isEqualTo(MajorIncidentProposal.Status.PROMOTED);
		assertThat(majorIncidents.openMajorIncidentFor(service)).contains(p1);
		assertThat(childrenOf(p1)).hasSize(10);
	}

	@Test
	void aProcessOwnerRedeploysTheDecisionWithAThresholdOf3AndThreeReportsAreProposed() throws Exception {
		String xml;
		try (InputStream shipped = getClass().getResourceAsStream("/processes/major-incident-detection.dmn")) {
			xml = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(xml).contains("<text>&gt;= 10</text>");
		String lowered = xml.replace("<text>&gt;= 10</text>", "<text>&gt;= 3</text>")
			.replace("\"10 or more open reports", "\"3 or more open reports");
		identityService.setAuthentication("olga", List.of("process-owners"));
		Deployment deployment = repositoryService.createDeployment().name("major-incident-detection: threshold 3")
			.addString("major-incident-detection.dmn", lowered).deploy();
		identityService.clearAuthentication();
		try {
			String service = unique("Mail");
			report("Mail not delivered", service, "anna", Level.LOW);
			report("Mail not delivered to outlook", service, "bert", Level.LOW);
			assertThat(proposalJobs(service)).isEmpty();
			report("Mail is not delivered", service, "cleo", Level.LOW);
			List<Job> jobs = proposalJobs(service);
			assertThat(jobs).hasSize(1);
			managementService.executeJob(jobs.get(0).getId());
			Task review = taskService.createTaskQuery().processInstanceBusinessKey(DetectionFacts.clusterKey(service))
				.singleResult();
			assertThat(review.getName()).isEqualTo("Major incident proposed: 3 reports for service " + service + " in 1 minute");
			assertThat((String) taskService.getVariable(review.getId(), "rule"))
				.isEqualTo("3 or more open reports for one service within 30 minutes");
		}
		finally {
			repositoryService.deleteDeployment(deployment.getId(), true);
		}
		// the shipped table answers again
		String service = unique("Mail");
		for (int i = 0; i < 3; i++) {
			report("Mail not delivered " + i, service, "caller-" + i, Level.LOW);
		}
		assertThat(proposalJobs(service)).isEmpty();
	}

	@Test
	void aRejectedClusterIsProposedAgainOnlyWhenItHasDoubled() {
		String service = unique("Print");
		for (int i = 0; i < 10; i++) {
			report("Cannot print " + i, service, "caller-" + i, Level.LOW);
		}
		managementService.executeJob(proposalJobs(service).get(0).getId());
		String key = DetectionFacts.clusterKey(service);
		Task review = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
		taskService.complete(review.getId(), Map.of("majorAccepted", false, "rejectReason", "Ten printers, ten jams"));
		MajorIncidentProposal rejected = proposals.findByClusterKeyOrderByIdAsc(key).get(0);
		assertThat(rejected.getState()).isEqualTo(MajorIncidentProposal.Status.REJECTED);
		assertThat(rejected.getClusterSize()).isEqualTo(10);
		assertThat(rejected.getDecisionReason()).isEqualTo("Ten printers, ten jams");

		ClockUtil.setCurrentTime(Date.from(MONDAY_10.plus(Duration.ofMinutes(5))));
		for (int i = 10; i < 19; i++) {
			report("Cannot print " + i, service, "caller-" + i, Level.LOW);
		}
		// 19 open reports: growth 1.9, below the table's factor 2
		assertThat(proposalJobs(service)).isEmpty();
		report("Cannot print 19", service, "caller-19", Level.LOW);
		assertThat(proposalJobs(service)).hasSize(1);
		managementService.executeJob(proposalJobs(service).get(0).getId());
		Task again = taskService.createTaskQuery().processInstanceBusinessKey(key).singleResult();
		assertThat(again.getName()).isEqualTo("Major incident proposed: 20 reports for service " + service + " in 5 minutes");
		assertThat((String) taskService.getVariable(again.getId(), "decisionInputs")).contains("- growthSinceRejection = 2.0");
	}

	// ------------------------------------------------------------------------------------------ helpers

	void runProposalJobsInParallel(String service, ExecutorService threads) throws Exception {
		for (int pass = 0; pass < 4 && !proposalJobs(service).isEmpty(); pass++) {
			List<Job> jobs = proposalJobs(service);
			CyclicBarrier together = new CyclicBarrier(Math.min(4, jobs.size()));
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < Math.min(4, jobs.size()); t++) {
				int thread = t;
				runs.add(threads.submit(() -> {
					together.await(10, TimeUnit.SECONDS);
					for (int j = thread; j < jobs.size(); j += 4) {
						try {
							managementService.executeJob(jobs.get(j).getId());
						}
						catch (RuntimeException refusedByTheUniqueKey) {
							// the job stays with one retry less and runs again in the next pass
						}
					}
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		assertThat(proposalJobs(service)).isEmpty();
	}

	String report(String title, String service, String caller, Level urgency) {
		return reporting.report(new NewIncident(title, "Reported in a test", caller, Channel.PORTAL, service, null,
				IncidentType.SOFTWARE, Level.LOW, urgency)).getNumber();
	}

	List<Job> proposalJobs(String service) {
		String key = DetectionFacts.clusterKey(service);
		return managementService.createJobQuery().processDefinitionKey(MajorIncidentDetection.PROCESS).withRetriesLeft()
			.list().stream()
			.filter(job -> key.equals(runtimeService.createProcessInstanceQuery()
				.processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
			.toList();
	}

	String parentOf(String number) {
		return transaction.execute(status -> {
			Incident parent = incidents.findByNumber(number).orElseThrow().getParent();
			return parent == null ? null : parent.getNumber();
		});
	}

	Set<String> childrenOf(String major) {
		return transaction.execute(status -> incidents.findAll().stream()
			.filter(i -> i.getParent() != null && major.equals(i.getParent().getNumber()))
			.map(Incident::getNumber).collect(Collectors.toSet()));
	}

	List<String> events(String number) {
		return transaction.execute(status -> activity
			.findByIncidentIdOrderByAtAscIdAsc(incidents.findByNumber(number).orElseThrow().getId()).stream()
			.map(e -> e.getEvent()).toList());
	}

	boolean postgres() throws java.sql.SQLException {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
		}
	}

	static String unique(String service) {
		return service + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
