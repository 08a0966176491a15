package org.incidentflow.restricted;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An incident reclassified during triage changes compartment when the triage completes: reclassified to security,
 * the service desk loses everything of it (its own triage task and history included); reclassified away from
 * security, the new group sees all of it.
 */
class ReclassificationTest extends WebTestSupport {

	@Autowired
	IncidentReporting reporting;
	@Autowired
	TaskService taskService;
	@Autowired
	HistoryService historyService;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void reclassifiedToSecurityDuringTriageLeavesTheServiceDesk() {
		Incident incident = report(IncidentType.SOFTWARE, "Outlook shows strange pop-ups");
		String instanceId = incident.getProcessInstanceId();
		Task triage = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
		assertThat(triage.getTenantId()).isNull();
		assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + incident.getNumber(), "alice").body())
				.contains(triage.getId());

		var claim = postJson("/engine-rest/task/" + triage.getId() + "/claim", "alice", "{\"userId\":\"alice\"}");
		assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
		var complete = postJson("/engine-rest/task/" + triage.getId() + "/complete", "alice", """
				{"variables":{"classification":{"value":"incident"},"incidentType":{"value":"security"},
				 "service":{"value":"Email"},"impact":{"value":"high"},"urgency":{"value":"high"}}}""");
		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);

		Task investigate = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
		assertThat(investigate.getTaskDefinitionKey()).isEqualTo(IncidentProcess.Tasks.INVESTIGATE);
		assertThat(investigate.getTenantId()).isEqualTo(RestrictedIncidents.TENANT_ID);
		assertThat(rowsOutsideTenant(instanceId, RestrictedIncidents.TENANT_ID)).isZero();

		assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + incident.getNumber(), "alice").body())
				.isEqualTo("[]");
		assertThat(get("/engine-rest/history/task?processInstanceId=" + instanceId, "alice").body()).isEqualTo("[]");
		assertThat(get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId, "alice").body())
				.isEqualTo("[]");
		assertThat(get("/engine-rest/process-instance/" + instanceId + "/variables", "alice").statusCode())
				.isEqualTo(get("/engine-rest/process-instance/" + UUID.randomUUID() + "/variables", "alice")
						.statusCode());
		assertThat(get("/api/incidents/" + incident.getNumber(), "alice").statusCode()).isEqualTo(404);

		assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + incident.getNumber(), "sid").body())
				.contains(investigate.getId());
		assertThat(get("/engine-rest/history/task?processInstanceId=" + instanceId, "sid").body())
				.contains(triage.getId());
		assertThat(taskService.createTaskQuery().taskId(investigate.getId()).taskCandidateGroup("security-ops")
				.count()).isEqualTo(1);
	}

	@Test
	void reclassifiedAwayFromSecurityIsOpenedToTheNewGroup() {
		Incident incident = report(IncidentType.SECURITY, "Printer on floor 3 jams");
		String instanceId = incident.getProcessInstanceId();
		Task triage = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
		assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + incident.getNumber(), "alice").body())
				.isEqualTo("[]");

		var complete = postJson("/engine-rest/task/" + triage.getId() + "/complete", "sid", """
				{"variables":{"classification":{"value":"incident"},"incidentType":{"value":"hardware"},
				 "service":{"value":"Printing"},"impact":{"value":"low"},"urgency":{"value":"medium"}}}""");
		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);

		Task investigate = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
		assertThat(investigate.getTenantId()).isNull();
		assertThat(rowsOutsideTenant(instanceId, null)).isZero();
		assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + incident.getNumber(), "alice").body())
				.contains(investigate.getId());
		assertThat(get("/engine-rest/history/task?processInstanceId=" + instanceId, "alice").body())
				.contains(triage.getId());
		assertThat(get("/engine-rest/process-instance/" + instanceId + "/variables", "alice").body())
				.contains("Printer on floor 3 jams");
		assertThat(get("/api/incidents/" + incident.getNumber(), "alice").statusCode()).isEqualTo(200);
	}

	private Incident report(IncidentType type, String title) {
		return reporting.report(new NewIncident(title + " " + UUID.randomUUID(), "Reported in a test", "rob",
				Channel.PORTAL, "email", null, type, Level.MEDIUM, Level.MEDIUM));
	}

	/** Runtime and history rows of the instance whose tenant is not {@code tenant}. */
	private int rowsOutsideTenant(String instanceId, String tenant) {
		int rows = 0;
		for (String table : RestrictedCompartment.BY_ROOT_INSTANCE) {
			rows += count("select count(*) from ACT_" + table + " where ROOT_PROC_INST_ID_ = ?", instanceId, tenant);
		}
		for (String table : RestrictedCompartment.BY_INSTANCE) {
			rows += count("select count(*) from ACT_" + table + " where PROC_INST_ID_ = ?", instanceId, tenant);
		}
		return rows;
	}

	private int count(String sql, String instanceId, String tenant) {
		String condition = tenant == null ? " and TENANT_ID_ is not null" : " and (TENANT_ID_ is null or TENANT_ID_ <> ?)";
		Object[] args = tenant == null ? new Object[] { instanceId } : new Object[] { instanceId, tenant };
		return jdbc.queryForObject(sql + condition, Integer.class, args);
	}

}
