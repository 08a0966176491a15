package org.incidentflow.incident.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.OnHoldReason;
import org.incidentflow.incident.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API actions that go through the engine, and the shared transaction of engine and records. Reporting runs the
 * real model {@code incident-management}; confirmation, cancellation and the caller's update use a test double with
 * another key ({@code test-processes/incident-api-test-double.bpmn}), started by business key for a record of the
 * test's own, so that each API action is checked against exactly the task, message and variables it must produce.
 * The real model's whole lifecycle through the API is {@code IncidentLifecycleApiTest}.
 */
class IncidentProcessApiTest extends ApiTestSupport {

	static final String TEST_DOUBLE_KEY = "incident-api-test-double";
	static final String TEST_DOUBLE = "test-processes/incident-api-test-double.bpmn";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IncidentReporting reporting;

	@Autowired
	ActivityRepository activity;

	@Autowired
	CommentRepository commentRepository;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void deployTestDouble() throws IOException {
		deploy(TEST_DOUBLE_KEY, TEST_DOUBLE);
	}

	// ---- reporting

	@Test
	void reportingCreatesTheRecordAndStartsItsProcessWithTheNumberAsBusinessKey() throws Exception {
		String title = "VPN drops " + IncidentFixtures.marker();
		JsonNode body = json.readTree(mvc.perform(post("/api/incidents").with(as("rita", "requesters"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("title", title, "description", "Every 5 minutes",
					"service", "vpn", "configurationItem", "vpn-gw-01", "type", "SERVICE_degradation",
					"impact", "Medium", "urgency", "high"))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/incidents/INC-\\d{6,}")))
			.andExpect(jsonPath("$.caller").value("rita"))
			.andExpect(jsonPath("$.channel").value("portal"))
			.andExpect(jsonPath("$.type").value("service_degradation"))
			.andExpect(jsonPath("$.impact").value("medium"))
			.andExpect(jsonPath("$.urgency").value("high"))
			.andExpect(jsonPath("$.activity[*].event").value(hasItem("REPORTED")))
			.andReturn().getResponse().getContentAsString());

		String number = body.get("number").asText();
		Incident record = incidents.findByNumber(number).orElseThrow();
		assertThat(record.getTitle()).isEqualTo(title);
		HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(number).singleResult();
		assertThat(instance.getProcessDefinitionKey()).isEqualTo(IncidentProcess.KEY);
		assertThat(record.getProcessInstanceId()).isEqualTo(instance.getId());
	}

	@Test
	void agentsReportForCallers() throws Exception {
		mvc.perform(post("/api/incidents").with(as("alice", "service-desk")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("title", "Phone call: printer", "caller", "rob",
					"channel", "phone", "type", "hardware", "impact", "low", "urgency", "low"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.caller").value("rob"))
			.andExpect(jsonPath("$.channel").value("phone"))
			.andExpect(jsonPath("$.processInstanceId").exists());
	}

	// ---- one transaction for engine and records

	@Test
	void engineAndRecordsShareTheBootDataSourceAndJpaTransactionManager() {
		SpringProcessEngineConfiguration configuration = (SpringProcessEngineConfiguration) engine
			.getProcessEngineConfiguration();
		assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
		assertThat(configuration.getTransactionManager()).isSameAs(transactionManager);
		DataSource engineDataSource = configuration.getDataSource();
		if (engineDataSource instanceof TransactionAwareDataSourceProxy proxy) {
			engineDataSource = proxy.getTargetDataSource();
		}
		assertThat(engineDataSource).isSameAs(dataSource);
	}

	@Test
	void aFailureMidwayRollsBackProcessRecordAndTrail() {
		Incident existing = fixtures.create("Existing", "rita", IncidentType.SOFTWARE, IncidentFixtures.marker());
		ProcessInstance running = startTestDouble(existing);
		long trailBefore = activity.findByIncidentIdOrderByAtAscIdAsc(existing.getId()).size();
		String title = "Rolled back " + IncidentFixtures.marker();
		String[] number = new String[1];

		assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			// a new record with its process, a change to another record, and its process moving on...
			number[0] = reporting.report(new NewIncident(title, null, "rob", Channel.PORTAL, "erp", null,
					IncidentType.SOFTWARE, Level.LOW, Level.LOW)).getNumber();
			incidents.findByNumber(existing.getNumber()).orElseThrow().setState(State.RESOLVED);
			taskService.complete(taskService.createTaskQuery().processInstanceId(running.getId()).singleResult().getId());
			incidents.flush();
			assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number[0]).count())
				.isEqualTo(1);
			// ...then a failure
			throw new IllegalStateException("delegate failed");
		})).hasMessage("delegate failed");

		assertThat(incidents.findByNumber(number[0])).isEmpty();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number[0]).count()).isZero();
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number[0]).count())
			.isZero();
		assertThat(incidents.findByNumber(existing.getNumber()).orElseThrow().getState()).isEqualTo(State.NEW);
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(existing.getId())).hasSize((int) trailBefore);
		assertThat(taskService.createTaskQuery().processInstanceId(running.getId()).count()).isEqualTo(1);
	}

	// ---- confirmation, cancellation, caller update: through the process

	@Test
	void theCallerAcceptsTheResolution() throws Exception {
		String caller = IncidentFixtures.uniqueUser("req");
		Incident incident = fixtures.create("Mail fixed?", caller, IncidentType.SOFTWARE, IncidentFixtures.marker());
		ProcessInstance instance = startTestDouble(incident);

		mvc.perform(post("/api/incidents/" + incident.getNumber() + "/confirmation").with(as(caller, "requesters"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(incident.getNumber()));

		assertThat(variable(instance, IncidentProcess.Vars.RESOLUTION_ACCEPTED)).isEqualTo(true);
		assertThat(ended(instance)).isTrue();
	}

	@Test
	void anIncidentManagerRejectsTheResolutionForTheCallerWithAReason() throws Exception {
		Incident incident = fixtures.create("Wi-Fi fixed?", "rob", IncidentType.SOFTWARE, IncidentFixtures.marker());
		ProcessInstance instance = startTestDouble(incident);

		mvc.perform(post("/api/incidents/" + incident.getNumber() + "/confirmation").with(as("maria", "incident-managers"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":false,\"reason\":\"Still drops\"}"))
			.andExpect(status().isOk());

		assertThat(variable(instance, IncidentProcess.Vars.RESOLUTION_ACCEPTED)).isEqualTo(false);
		assertThat(variable(instance, IncidentProcess.Vars.REJECTION_REASON)).isEqualTo("Still drops");
	}

	@Test
	void aSubmissionTheProcessRefusesIsA400NamingTheFieldAndChangesNothing() throws Exception {
		Incident incident = fixtures.create("VPN fixed?", "rob", IncidentType.SOFTWARE, IncidentFixtures.marker());
		ProcessInstance instance = startTestDouble(incident);

		mvc.perform(post("/api/incidents/" + incident.getNumber() + "/confirmation").with(as("rob", "requesters"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":false,\"reason\":\"No\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("at least 10")));

		assertThat(ended(instance)).isFalse();
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();
	}

	@Test
	void aCallerUpdateThatNoProcessWaitsForConflicts() throws Exception {
		String caller = IncidentFixtures.uniqueUser("req");
		Incident incident = fixtures.create("Waiting for nobody", caller, IncidentType.SOFTWARE,
				IncidentFixtures.marker(), i -> {
					i.setState(State.ON_HOLD);
					i.setOnHoldReason(OnHoldReason.AWAITING_CALLER);
				});

		mvc.perform(post("/api/incidents/" + incident.getNumber() + "/comments").with(as(caller, "requesters"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Any news?\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Not awaiting the caller"));
		assertThat(commentRepository.findByIncidentOrderByCreatedAtAscIdAsc(incident)).isEmpty();
	}

	@Test
	void theCallerCancelsThroughTheProcessAndASecondCancellationConflicts() throws Exception {
		String caller = IncidentFixtures.uniqueUser("req");
		Incident incident = fixtures.create("Never mind", caller, IncidentType.SOFTWARE, IncidentFixtures.marker());
		ProcessInstance instance = startTestDouble(incident);
		String url = "/api/incidents/" + incident.getNumber() + "/cancellation";

		mvc.perform(post(url).with(as(caller, "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Works again\"}"))
			.andExpect(status().isOk());
		assertThat(variable(instance, IncidentProcess.Vars.CANCEL_REASON)).isEqualTo("Works again");
		assertThat(variable(instance, IncidentProcess.Vars.CANCELED_BY)).isEqualTo(caller);
		assertThat(ended(instance)).isTrue();

		// the double does not update the record; the process no longer listens, so the API answers 409
		mvc.perform(post(url).with(as(caller, "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"again\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Cannot be canceled"));
	}

	@Test
	void aCallersCommentResumesAnIncidentOnHoldAwaitingTheCaller() throws Exception {
		String caller = IncidentFixtures.uniqueUser("req");
		Incident incident = fixtures.create("Need details", caller, IncidentType.SOFTWARE, IncidentFixtures.marker(),
				i -> {
					i.setState(State.ON_HOLD);
					i.setOnHoldReason(OnHoldReason.AWAITING_CALLER);
				});
		ProcessInstance instance = startTestDouble(incident);

		mvc.perform(post("/api/incidents/" + incident.getNumber() + "/comments").with(as(caller, "requesters"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Here are the details\"}"))
			.andExpect(status().isCreated());

		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
			.activityId("Resumed").count()).isEqualTo(1);
	}

	// ---- helpers

	/** Deploys the test double; a changed file becomes a new version (a database may keep older ones). */
	private void deploy(String key, String resource) throws IOException {
		try (InputStream bpmn = getClass().getClassLoader().getResourceAsStream(resource)) {
			repositoryService.createDeployment()
				.name("test-only " + key)
				.enableDuplicateFiltering(true)
				.addInputStream(resource.substring(resource.lastIndexOf('/') + 1), bpmn)
				.deploy();
		}
	}

	private ProcessInstance startTestDouble(Incident incident) {
		return runtimeService.startProcessInstanceByKey(TEST_DOUBLE_KEY, incident.getNumber(),
				Map.of(IncidentProcess.Vars.CALLER, incident.getCaller()));
	}

	private Object variable(ProcessInstance instance, String name) {
		return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName(name).singleResult().getValue();
	}

	private boolean ended(ProcessInstance instance) {
		return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getEndTime() != null;
	}

}
