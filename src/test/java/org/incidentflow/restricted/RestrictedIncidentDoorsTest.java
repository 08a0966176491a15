package org.incidentflow.restricted;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every door to a restricted (security) incident: alice (service desk), paul (process owner), rita (a requester who
 * is not its caller) and monitoring get exactly what they get for an incident that does not exist; sid (security
 * operations) and maria (incident manager) get all of it.
 */
class RestrictedIncidentDoorsTest extends WebTestSupport {

	static final List<String> SHUT_OUT = List.of("alice", "paul", "rita", "monitoring");
	static final List<String> CLEARED = List.of("sid", "maria");

	@Autowired
	IncidentReporting reporting;
	@Autowired
	RuntimeService runtimeService;
	@Autowired
	TaskService taskService;
	@Autowired
	HistoryService historyService;

	Incident incident;
	String instanceId;
	Task triage;
	String missingId;
	String title;

	@BeforeEach
	void reportSecurityIncident() {
		title = "Phishing mail with credentials form " + UUID.randomUUID();
		incident = reporting.report(new NewIncident(title, "Caller entered the password on the fake page", "rob",
				Channel.PORTAL, "email", null, IncidentType.SECURITY, Level.HIGH, Level.HIGH));
		instanceId = incident.getProcessInstanceId();
		triage = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
		missingId = UUID.randomUUID().toString();
	}

	@Test
	void securityOperationsTriagesInTheRestrictedTenant() {
		assertThat(triage.getTaskDefinitionKey()).isEqualTo(IncidentProcess.Tasks.TRIAGE);
		assertThat(triage.getTenantId()).isEqualTo(RestrictedIncidents.TENANT_ID);
		assertThat(taskService.createTaskQuery().taskId(triage.getId()).taskCandidateGroup("security-ops").count())
				.isEqualTo(1);
		assertThat(taskService.createTaskQuery().taskId(triage.getId()).taskCandidateGroup("service-desk").count())
				.isZero();
		assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).list())
				.isNotEmpty().allMatch(d -> RestrictedIncidents.TENANT_ID.equals(d.getTenantId()));
	}

	@Test
	void recordApi() {
		assertDoor("/api/incidents/" + incident.getNumber(), "/api/incidents/INC-99999999", title);
	}

	@Test
	void engineTaskQueries() {
		assertDoor("/engine-rest/task?processInstanceBusinessKey=" + incident.getNumber(),
				"/engine-rest/task?processInstanceBusinessKey=INC-99999999", triage.getId());
		assertDoor("/engine-rest/task?candidateGroup=security-ops&maxResults=1000",
				"/engine-rest/task?candidateGroup=nobody-" + missingId, triage.getId());
		assertDoor("/engine-rest/task/count?processInstanceId=" + instanceId,
				"/engine-rest/task/count?processInstanceId=" + missingId, "{\"count\":1}");
	}

	@Test
	void engineTask() {
		assertDoor(task(""), task("").replace(triage.getId(), missingId), triage.getId());
		assertDoor(task("/variables"), task("/variables").replace(triage.getId(), missingId), title);
		assertDoor(task("/form-variables"), task("/form-variables").replace(triage.getId(), missingId), title);
		assertDoor(task("/form"), task("/form").replace(triage.getId(), missingId), "triage-form");
		assertDoor(task("/deployed-form"), task("/deployed-form").replace(triage.getId(), missingId), "triage");
		assertDoor(task("/variables/title"), task("/variables/title").replace(triage.getId(), missingId), title);
		assertDoor(task("/identity-links"), task("/identity-links").replace(triage.getId(), missingId),
				"security-ops");
		assertDoor(task("/comment"), task("/comment").replace(triage.getId(), missingId), "[");
	}

	@Test
	void engineTaskWork() {
		for (String action : List.of("/claim", "/complete", "/submit-form", "/assignee", "/delegate", "/unclaim")) {
			String body = action.equals("/claim") || action.equals("/assignee") || action.equals("/delegate")
					? "{\"userId\":\"alice\"}" : "{}";
			for (String user : SHUT_OUT) {
				HttpResponse<String> real = postJson(task(action), user, body);
				HttpResponse<String> missing = postJson(task(action).replace(triage.getId(), missingId), user, body);
				assertThat(real.statusCode()).as(user + " " + action + ": " + real.body() + " / " + missing.body())
						.isEqualTo(missing.statusCode());
				assertThat(normalize(real.body())).as(user + " " + action).isEqualTo(normalize(missing.body()));
			}
		}
		HttpResponse<String> variables = postJson(task("/variables"), "alice",
				"{\"modifications\":{\"title\":{\"value\":\"x\",\"type\":\"String\"}}}");
		HttpResponse<String> missing = postJson(task("/variables").replace(triage.getId(), missingId), "alice",
				"{\"modifications\":{\"title\":{\"value\":\"x\",\"type\":\"String\"}}}");
		assertThat(variables.statusCode()).as(variables.body()).isEqualTo(missing.statusCode());
		assertThat(normalize(variables.body())).isEqualTo(normalize(missing.body()));
		assertThat(taskService.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isNull();
		assertThat(runtimeService.getVariable(instanceId, "title")).isEqualTo(title);
	}

	@Test
	void engineProcessInstance() {
		assertDoor("/engine-rest/process-instance/" + instanceId, "/engine-rest/process-instance/" + missingId,
				instanceId);
		assertDoor("/engine-rest/process-instance/" + instanceId + "/variables",
				"/engine-rest/process-instance/" + missingId + "/variables", title);
		assertDoor("/engine-rest/process-instance?businessKey=" + incident.getNumber(),
				"/engine-rest/process-instance?businessKey=INC-99999999", instanceId);
		assertDoor("/engine-rest/variable-instance?processInstanceIdIn=" + instanceId,
				"/engine-rest/variable-instance?processInstanceIdIn=" + missingId, title);
	}

	@Test
	void engineHistory() {
		assertDoor("/engine-rest/history/process-instance?processInstanceBusinessKey=" + incident.getNumber(),
				"/engine-rest/history/process-instance?processInstanceBusinessKey=INC-99999999", instanceId);
		assertDoor("/engine-rest/history/process-instance/" + instanceId,
				"/engine-rest/history/process-instance/" + missingId, instanceId);
		assertDoor("/engine-rest/history/task?processInstanceId=" + instanceId,
				"/engine-rest/history/task?processInstanceId=" + missingId, triage.getId());
		assertDoor("/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
				"/engine-rest/history/variable-instance?processInstanceId=" + missingId, title);
		assertDoor("/engine-rest/history/detail?processInstanceId=" + instanceId,
				"/engine-rest/history/detail?processInstanceId=" + missingId, title);
		assertDoor("/engine-rest/history/decision-instance?processInstanceId=" + instanceId,
				"/engine-rest/history/decision-instance?processInstanceId=" + missingId, "incident-categorization");
		assertDoor("/engine-rest/history/activity-instance?processInstanceId=" + instanceId,
				"/engine-rest/history/activity-instance?processInstanceId=" + missingId, "Triage");
	}

	@Test
	void webappsEngineApi() {
		String engine = "/camunda/api/engine/engine/default";
		for (String[] login : List.of(new String[] { "tasklist", "alice" }, new String[] { "cockpit", "paul" })) {
			WebappSession session = webappSession();
			assertThat(session.login(login[0], login[1], DEMO_PASSWORD).statusCode()).isEqualTo(200);
			assertThat(session.get(engine + "/task?processInstanceBusinessKey=" + incident.getNumber()).body())
					.isEqualTo("[]");
			assertThat(session.get(engine + "/history/process-instance?processInstanceBusinessKey="
					+ incident.getNumber()).body()).isEqualTo("[]");
			assertThat(session.get(engine + "/history/variable-instance?processInstanceId=" + instanceId).body())
					.isEqualTo("[]");
			var variables = session.get(engine + "/process-instance/" + instanceId + "/variables");
			var missing = session.get(engine + "/process-instance/" + missingId + "/variables");
			assertThat(variables.statusCode()).isEqualTo(missing.statusCode());
			assertThat(normalize(variables.body())).isEqualTo(normalize(missing.body()));
			var cockpitList = session.postJson("/camunda/api/cockpit/plugin/base/default/process-instance",
					"{\"processDefinitionKey\":\"incident-management\",\"businessKey\":\"" + incident.getNumber()
							+ "\"}");
			assertThat(cockpitList.body()).doesNotContain(instanceId).doesNotContain(title);
		}
		WebappSession sid = webappSession();
		assertThat(sid.login("tasklist", "sid", DEMO_PASSWORD).statusCode()).isEqualTo(200);
		assertThat(sid.get(engine + "/task?processInstanceBusinessKey=" + incident.getNumber()).body())
				.contains(triage.getId());
		assertThat(sid.get(engine + "/task/" + triage.getId() + "/form-variables").body()).contains(title);
	}

	private String task(String suffix) {
		return "/engine-rest/task/" + triage.getId() + suffix;
	}

	/**
	 * The shut-out users get for {@code path} exactly the answer for {@code missingPath}; the cleared users get 200
	 * with {@code expected} in the body.
	 */
	void assertDoor(String path, String missingPath, String expected) {
		for (String user : SHUT_OUT) {
			HttpResponse<String> real = get(path, user);
			HttpResponse<String> missing = get(missingPath, user);
			assertThat(real.statusCode()).as(user + " " + path + ": " + real.body() + " / " + missing.body())
					.isEqualTo(missing.statusCode());
			assertThat(normalize(real.body())).as(user + " " + path).isEqualTo(normalize(missing.body()));
			assertThat(real.body()).as(user + " " + path).doesNotContain(title);
		}
		for (String user : CLEARED) {
			HttpResponse<String> real = get(path, user);
			assertThat(real.statusCode()).as(user + " " + path + ": " + real.body()).isEqualTo(200);
			assertThat(real.body()).as(user + " " + path).contains(expected);
		}
	}

	private String normalize(String body) {
		return body.replace(triage.getId(), "ID").replace(missingId, "ID").replace(instanceId, "ID")
				.replace(incident.getNumber(), "NUMBER").replace("INC-99999999", "NUMBER")
				.replaceAll("\"timestamp\":\"[^\"]*\"", "");
	}

	static Map<String, String> none() {
		return Map.of();
	}

}
