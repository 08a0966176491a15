package org.incidentflow.intake.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentflow.intake.IntakeTestSupport.resource;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.State;
import org.incidentflow.intake.IntakeTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@RecordApplicationEvents
class AlertIntakeTest {

	@Autowired
	WebApplicationContext context;
	@Autowired
	RuntimeService runtimeService;
	@Autowired
	HistoryService historyService;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	ActivityRepository activity;
	@Autowired
	MonitoringAlertRepository alerts;
	@Autowired
	TransactionTemplate transaction;
	@Autowired
	ObjectMapper json;
	@Autowired
	ApplicationEvents events;

	MockMvc mvc;
	String run;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		run = IntakeTestSupport.newRun();
	}

	static RequestPostProcessor monitoring() {
		return user("monitoring").authorities(new SimpleGrantedAuthority("integrations"));
	}

	ResultActions deliver(String path, String body, RequestPostProcessor who) throws Exception {
		return mvc.perform(post(path).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions alertmanager(String resource, String severity) throws Exception {
		return deliver("/api/intake/alertmanager", resource(resource, run).replace("SEVERITY", severity), monitoring());
	}

	JsonNode ok(ResultActions result) throws Exception {
		MvcResult done = result.andExpect(status().isOk()).andReturn();
		return json.readTree(done.getResponse().getContentAsString());
	}

	Incident incidentOf(String fingerprint) {
		MonitoringAlert alert = alerts.findAll().stream()
			.filter(a -> a.getFingerprint().equals(fingerprint))
			.findFirst().orElseThrow();
		return incidents.findById(alert.getIncidentId()).orElseThrow();
	}

	List<String> events(Incident incident) {
		return activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()).stream().map(ActivityEntry::getEvent).toList();
	}

	long incidentsTitled(String fragment) {
		return incidents.findAll().stream().filter(i -> i.getTitle().contains(fragment)).count();
	}

	@Test
	void firingAlertOpensClassifiedIncident() throws Exception {
		JsonNode receipt = ok(alertmanager("alertmanager-firing.json", "critical"));

		assertThat(receipt.get("opened").asInt()).isEqualTo(1);
		Incident incident = incidentOf(run + "-a1");
		assertThat(receipt.get("incidents").get(0).asText()).isEqualTo(incident.getNumber());
		assertThat(incident.getTitle()).isEqualTo("HighErrorRate-" + run + ": 5xx rate above 5% on checkout");
		assertThat(incident.getDescription())
			.contains("7% of requests", "https://runbooks.example.org/checkout/high-error-rate",
					"http://prometheus.example.org:9090/graph");
		assertThat(incident.getChannel()).isEqualTo(Channel.MONITORING);
		assertThat(incident.getCaller()).isEqualTo("monitoring");
		assertThat(incident.getService()).isEqualTo("checkout");
		assertThat(incident.getConfigurationItem()).isEqualTo("checkout-1.example.org:8080");
		assertThat(incident.getImpact()).isEqualTo(Level.HIGH);
		assertThat(incident.getUrgency()).isEqualTo(Level.HIGH);
		assertThat(incident.getType()).isEqualTo(IncidentType.SERVICE_OUTAGE);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incident.getNumber())
			.processDefinitionKey(IncidentProcess.KEY).count()).isEqualTo(1);
	}

	@Test
	void serviceFallsBackToJobAndSeverityIsCaseInsensitive() throws Exception {
		String body = resource("alertmanager-truncated.json", run).replace("\"warning\", \"instance\"",
				"\"WARNING\", \"job\": \"filestore\", \"instance\"");
		ok(deliver("/api/intake/alertmanager", body, monitoring()));

		Incident incident = incidentOf(run + "-t1");
		assertThat(incident.getService()).isEqualTo("filestore");
		assertThat(incident.getImpact()).isEqualTo(Level.MEDIUM);
		assertThat(incident.getUrgency()).isEqualTo(Level.MEDIUM);
		assertThat(incident.getType()).isEqualTo(IncidentType.SERVICE_DEGRADATION);
	}

	@Test
	void repeatedDeliveryCreatesNothingAndIsRecordedOnce() throws Exception {
		ok(alertmanager("alertmanager-firing.json", "warning"));
		JsonNode second = ok(alertmanager("alertmanager-firing.json", "warning"));
		ok(alertmanager("alertmanager-firing.json", "warning"));

		assertThat(second.get("opened").asInt()).isZero();
		assertThat(second.get("repeated").asInt()).isEqualTo(1);
		assertThat(incidentsTitled("HighErrorRate-" + run)).isEqualTo(1);
		Incident incident = incidentOf(run + "-a1");
		assertThat(events(incident)).containsOnlyOnce("ALERT_REPEATED");
		assertThat(alerts.findByIncidentIdOrderByIdAsc(incident.getId())).singleElement()
			.extracting(MonitoringAlert::getRepeatCount).isEqualTo(2);
	}

	@Test
	void alertsOfOneGroupShareTheOpenIncident() throws Exception {
		JsonNode receipt = ok(alertmanager("alertmanager-grouped.json", "critical"));
		assertThat(receipt.get("opened").asInt()).isEqualTo(1);
		assertThat(receipt.get("attached").asInt()).isEqualTo(1);

		// a later notification of the group with a third alert joins the same incident
		String third = resource("alertmanager-grouped.json", run).replace(run + "-g2", run + "-g3");
		JsonNode later = ok(deliver("/api/intake/alertmanager", third, monitoring()));
		assertThat(later.get("attached").asInt()).isEqualTo(1);
		assertThat(later.get("repeated").asInt()).isEqualTo(1);

		Incident incident = incidentOf(run + "-g1");
		assertThat(incidentOf(run + "-g2").getId()).isEqualTo(incident.getId());
		assertThat(incidentOf(run + "-g3").getId()).isEqualTo(incident.getId());
		assertThat(incidentsTitled("InstanceDown-" + run)).isEqualTo(1);
		assertThat(events(incident).stream().filter("ALERT_ATTACHED"::equals)).hasSize(2);
	}

	@Test
	void truncatedAlertsAreRecordedOnTheIncident() throws Exception {
		ok(deliver("/api/intake/alertmanager", resource("alertmanager-truncated.json", run), monitoring()));

		Incident incident = incidentOf(run + "-t1");
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()))
			.filteredOn(e -> e.getEvent().equals("ALERTS_TRUNCATED"))
			.singleElement()
			.extracting(ActivityEntry::getDetail).asString().startsWith("17 ");
	}

	@Test
	void grafanaNotificationOpensIncidentWithLinks() throws Exception {
		JsonNode receipt = ok(deliver("/api/intake/grafana", resource("grafana-firing.json", run), monitoring()));

		assertThat(receipt.get("opened").asInt()).isEqualTo(1);
		Incident incident = incidentOf(run + "-gr1");
		assertThat(incident.getTitle()).isEqualTo("LatencyHigh-" + run + ": p99 latency above 2 s");
		assertThat(incident.getDescription()).contains("https://grafana.example.org/d/search-overview",
				"viewPanel=4", "B=3.4");
		assertThat(incident.getService()).isEqualTo("search");
		assertThat(incident.getImpact()).isEqualTo(Level.HIGH);
		// Grafana's payload is refused on the Alertmanager endpoint: the version tells them apart
		deliver("/api/intake/alertmanager", resource("grafana-firing.json", run), monitoring())
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("version"));
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource({
			"malformed-json.txt, ",
			"malformed-no-alerts.json, alerts",
			"malformed-no-fingerprint.json, alerts[0].fingerprint",
			"malformed-no-status.json, alerts[0].status",
			"malformed-wrong-version.json, version",
			"malformed-bad-startsat.json, alerts[0].startsAt",
			"malformed-alerts-not-array.json, alerts" })
	void malformedNotificationIsRefusedWithProblemDetails(String resource, String field) throws Exception {
		ResultActions result = deliver("/api/intake/alertmanager", resource(resource, run), monitoring())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid alert notification"));
		if (field != null) {
			result.andExpect(jsonPath("$.field").value(field));
		}
		assertThat(result.andReturn().getResponse().getContentType()).startsWith("application/problem+json");
	}

	@Test
	void emptyBodyIsRefused() throws Exception {
		deliver("/api/intake/alertmanager", "", monitoring()).andExpect(status().isBadRequest());
	}

	@Test
	void onlyIntegrationsMayDeliver() throws Exception {
		String body = resource("alertmanager-firing.json", run).replace("SEVERITY", "info");
		deliver("/api/intake/alertmanager", body, user("rita").authorities(new SimpleGrantedAuthority("requesters")))
			.andExpect(status().isForbidden());
		deliver("/api/intake/grafana", resource("grafana-firing.json", run),
				user("alice").authorities(new SimpleGrantedAuthority("service-desk")))
			.andExpect(status().isForbidden());
		// no credentials: refused by the security filter chain (401, or a login redirect without the platform config)
		MvcResult anonymous = mvc.perform(post("/api/intake/alertmanager").with(csrf())
			.with(SecurityMockMvcRequestPostProcessors.anonymous())
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(anonymous.getResponse().getStatus()).isIn(302, 401, 403);
		assertThat(incidentsTitled("HighErrorRate-" + run)).isZero();
	}

	@Test
	void parallelDeliveriesOfTheSameAlertOpenOneIncident() throws Exception {
		String body = resource("alertmanager-firing.json", run).replace("SEVERITY", "critical");
		List<Integer> statuses = inParallel(8, i -> body);

		assertThat(statuses).containsOnly(200);
		assertThat(incidentsTitled("HighErrorRate-" + run)).isEqualTo(1);
		assertThat(alerts.findAll().stream().filter(a -> a.getFingerprint().equals(run + "-a1"))).hasSize(1);
		assertThat(incidentOf(run + "-a1").getNumber()).isNotNull();
	}

	@Test
	void parallelDeliveriesOfDifferentAlertsOfOneGroupShareOneIncident() throws Exception {
		String grouped = resource("alertmanager-grouped.json", run);
		JsonNode payload = json.readTree(grouped);
		// each delivery carries one of the two alerts only, as when Alertmanager HA peers notify separately
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			com.fasterxml.jackson.databind.node.ObjectNode single = payload.deepCopy();
			single.putArray("alerts").add(payload.get("alerts").get(i));
			bodies.add(json.writeValueAsString(single));
		}
		List<Integer> statuses = inParallel(6, i -> bodies.get(i % 2));

		assertThat(statuses).containsOnly(200);
		assertThat(incidentsTitled("InstanceDown-" + run)).isEqualTo(1);
		assertThat(incidentOf(run + "-g1").getId()).isEqualTo(incidentOf(run + "-g2").getId());
	}

	private List<Integer> inParallel(int threads, java.util.function.IntFunction<String> body) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String content = body.apply(i);
				Callable<Integer> delivery = () -> {
					start.await();
					return deliver("/api/intake/alertmanager", content, monitoring()).andReturn().getResponse()
						.getStatus();
				};
				results.add(pool.submit(delivery));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get(60, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void allAlertsResolvedResolvesTheIncidentThroughTheProcess() throws Exception {
		ok(alertmanager("alertmanager-firing.json", "info"));
		Incident incident = incidentOf(run + "-a1");
		String processInstanceId = incident.getProcessInstanceId();
		// severity info: low impact, low urgency → P5, waiting for triage
		assertThat(incident.getChannel()).isEqualTo(Channel.MONITORING);
		assertThat(incident.getPriority()).isEqualTo(5);
		assertThat(incident.getState()).isEqualTo(State.NEW);

		JsonNode receipt = ok(alertmanager("alertmanager-resolved.json", "info"));

		assertThat(receipt.get("resolved").asInt()).isEqualTo(1);
		assertThat(events(incident)).contains("ALERT_RESOLVED", "ALERTS_ALL_RESOLVED");
		HistoricVariableInstance code = historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId).variableName(IncidentProcess.Vars.RESOLUTION_CODE).singleResult();
		assertThat(code).isNotNull();
		assertThat(code.getValue()).isEqualTo(AlertIntake.RESOLUTION_CODE);
		String notes = (String) historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId).variableName(IncidentProcess.Vars.RESOLUTION_NOTES).singleResult()
			.getValue();
		assertThat(notes).contains("HighErrorRate-" + run, run + "-a1");
		assertThat(alerts.findByIncidentIdOrderByIdAsc(incident.getId())).singleElement()
			.extracting(MonitoringAlert::getStatus).isEqualTo(MonitoringAlert.RESOLVED);
		// AlertsResolved during triage resolves it; a monitoring caller confirms nothing, a P5 needs no review: closed
		Incident closed = incidents.findById(incident.getId()).orElseThrow();
		assertThat(closed.getState()).isEqualTo(State.CLOSED);
		assertThat(closed.getResolutionCode()).isEqualTo(AlertIntake.RESOLUTION_CODE);
		assertThat(closed.getResolutionNotes()).contains(run + "-a1");
		assertThat(closed.getResolvedAt()).isNotNull();
		assertThat(closed.getClosedAt()).isNotNull();
		assertThat(events(incident)).containsSubsequence("ALERT_RESOLVED", "RESOLVED", "CLOSED");
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
			.singleResult().getEndTime()).isNotNull();

		// the same resolved notification again is a repeat, nothing else happens
		JsonNode again = ok(alertmanager("alertmanager-resolved.json", "info"));
		assertThat(again.get("repeated").asInt()).isEqualTo(1);
	}

	@Test
	void resolvedWhenTheProcessNoLongerWaitsIsRecordedOnly() throws Exception {
		ok(alertmanager("alertmanager-firing.json", "info"));
		Incident incident = incidentOf(run + "-a1");
		runtimeService.deleteProcessInstance(incident.getProcessInstanceId(), "test: nothing waits any more");

		ok(alertmanager("alertmanager-resolved.json", "info"));

		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()))
			.filteredOn(e -> e.getEvent().equals("ALERTS_ALL_RESOLVED"))
			.singleElement().extracting(ActivityEntry::getDetail).asString().contains("recorded only");
	}

	@Test
	void partlyResolvedGroupIsRecordedOnly() throws Exception {
		ok(alertmanager("alertmanager-grouped.json", "critical"));
		Incident incident = incidentOf(run + "-g1");
		String oneResolved = resource("alertmanager-grouped.json", run)
			.replaceFirst("\"status\": \"firing\",\n      \"labels\"", "\"status\": \"resolved\",\n      \"labels\"");
		assertThat(oneResolved).contains("\"status\": \"resolved\"");
		JsonNode receipt = ok(deliver("/api/intake/alertmanager", oneResolved, monitoring()));

		assertThat(receipt.get("resolved").asInt()).isEqualTo(1);
		assertThat(events(incident)).contains("ALERT_RESOLVED").doesNotContain("ALERTS_ALL_RESOLVED");
		assertThat(historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(incident.getProcessInstanceId()).variableName(IncidentProcess.Vars.RESOLUTION_CODE)
			.count()).isZero();
	}

	@Test
	void highPriorityIncidentNotifiesTheAssigneeInsteadOfResolving() throws Exception {
		ok(alertmanager("alertmanager-firing.json", "critical"));
		Incident opened = incidentOf(run + "-a1");
		transaction.executeWithoutResult(status -> {
			Incident incident = incidents.findById(opened.getId()).orElseThrow();
			incident.setPriority(1);
			incident.setAssignmentGroup("app-support");
			incident.setAssignee("ann");
		});

		ok(alertmanager("alertmanager-resolved.json", "critical"));

		assertThat(events.stream(IncidentNotice.class).filter(n -> n.incidentNumber().equals(opened.getNumber()))
			.collect(Collectors.toList()))
			.singleElement()
			.satisfies(notice -> {
				assertThat(notice.audienceType()).isEqualTo(IncidentNotice.Audience.USER);
				assertThat(notice.audience()).isEqualTo("ann");
				assertThat(notice.detail()).contains("have resolved", run + "-a1");
			});
		assertThat(historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(opened.getProcessInstanceId()).variableName(IncidentProcess.Vars.RESOLUTION_CODE)
			.count()).isZero();
	}

	@Test
	void resolvedForAnUnknownAlertIsAcceptedAndIgnored() throws Exception {
		JsonNode receipt = ok(alertmanager("alertmanager-resolved.json", "info"));
		assertThat(receipt.get("unknown").asInt()).isEqualTo(1);
		assertThat(receipt.get("incidents")).isEmpty();
	}

}
