package org.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;

/** Tasklist, Cockpit and Admin: their own session login, application permissions and CSRF protection. */
class WebappAccessTest extends WebTestSupport {

	@Test
	void agentLogsInToTasklistAndSeesHerFilters() {
		WebappSession alice = webappSession();

		HttpResponse<String> login = alice.login("tasklist", "alice", DEMO_PASSWORD);
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

		HttpResponse<String> filters = alice.get("/camunda/api/engine/engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task");
		assertThat(filters.statusCode()).isEqualTo(200);
		assertThat(filters.body()).contains("My group's tasks").contains("My tasks").doesNotContain("All tasks");
	}

	@Test
	void incidentManagerSeesAllTasksFilter() {
		WebappSession maria = webappSession();
		assertThat(maria.login("tasklist", "maria", DEMO_PASSWORD).statusCode()).isEqualTo(200);

		assertThat(maria.get("/camunda/api/engine/engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task").body())
				.contains("All tasks").contains("My group's tasks");
	}

	@Test
	void requesterUsesThePortalAndNoWebapp() {
		// the portal (/portal) does all a requester did in Tasklist
		assertThat(webappSession().login("tasklist", "rita", DEMO_PASSWORD).statusCode()).isIn(401, 403);
		assertThat(webappSession().login("cockpit", "rita", DEMO_PASSWORD).statusCode()).isIn(401, 403);
		assertThat(webappSession().login("admin", "rita", DEMO_PASSWORD).statusCode()).isIn(401, 403);
	}

	@Test
	void processOwnerUsesCockpit() {
		assertThat(webappSession().login("cockpit", "paul", DEMO_PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void cockpitVersionPickerQueryWithoutPageSizeWorks() {
		WebappSession paul = webappSession();
		assertThat(paul.login("cockpit", "paul", DEMO_PASSWORD).statusCode()).isEqualTo(200);

		// exactly what Cockpit's process definition page sends; a query-max-results-limit would make it a 400
		HttpResponse<String> versions = paul.get("/camunda/api/engine/engine/default/process-definition"
				+ "?key=incident-management&sortBy=version&sortOrder=desc&withoutTenantId=true");
		assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
		assertThat(versions.body()).contains("incident-management");
	}

	@Test
	void technicalUserHasNoWebapp() {
		for (String app : new String[] { "tasklist", "cockpit", "admin" }) {
			assertThat(webappSession().login(app, "monitoring", DEMO_PASSWORD).statusCode()).as(app).isIn(401, 403);
		}
	}

	@Test
	void stateChangingRequestWithoutXsrfTokenIsRefused() {
		WebappSession alice = webappSession();
		assertThat(alice.login("tasklist", "alice", DEMO_PASSWORD).statusCode()).isEqualTo(200);

		HttpResponse<String> response = alice.postJsonWithoutXsrfToken(
				"/camunda/api/engine/engine/default/task/any-task/claim", "{\"userId\":\"alice\"}");

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void loginWithoutXsrfTokenIsRefused() {
		WebappSession session = webappSession();
		session.get("/camunda/app/tasklist/");

		HttpResponse<String> response = session.postJsonWithoutXsrfToken(
				"/camunda/api/admin/auth/user/default/login/tasklist", "{}");

		assertThat(response.statusCode()).isEqualTo(403);
	}

}
