package org.incidentflow.restricted;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Incident tasks get no authorization row per candidate group (issue 14): agents work them through the permissions
 * on the definition, and the candidate-group task list has its index.
 */
class DefinitionLevelTaskAuthorizationsTest extends WebTestSupport {

	@Autowired
	IncidentReporting reporting;
	@Autowired
	TaskService taskService;
	@Autowired
	AuthorizationService authorizationService;
	@Autowired
	DataSource dataSource;

	@Test
	void anOrdinaryIncidentTaskHasNoAuthorizationRowsYetItsGroupWorksIt() {
		Incident incident = reporting.report(new NewIncident("Laptop does not boot " + UUID.randomUUID(), null, "rob",
				Channel.PORTAL, "laptop", null, IncidentType.HARDWARE, Level.LOW, Level.MEDIUM));
		Task triage = taskService.createTaskQuery().processInstanceId(incident.getProcessInstanceId()).singleResult();

		assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
				.resourceId(triage.getId()).count()).isZero();
		assertThat(get("/engine-rest/task?candidateGroup=service-desk&maxResults=1000", "alice").body())
				.contains(triage.getId());
		var claim = postJson("/engine-rest/task/" + triage.getId() + "/claim", "alice", "{\"userId\":\"alice\"}");
		assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
		// a requester who is not the caller still sees nothing of it
		assertThat(get("/engine-rest/task?processInstanceId=" + incident.getProcessInstanceId(), "rita").body())
				.isEqualTo("[]");
	}

	@Test
	void theCandidateGroupListHasItsIndex() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			boolean found = false;
			for (String table : new String[] { "ACT_RU_IDENTITYLINK", "act_ru_identitylink" }) {
				try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
					while (indexes.next()) {
						found |= RestrictedIncidentsPlugin.GROUP_LINK_INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"));
					}
				}
			}
			assertThat(found).isTrue();
		}
	}

}
