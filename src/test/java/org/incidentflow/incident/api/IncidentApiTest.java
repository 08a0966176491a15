package org.incidentflow.incident.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.incidentflow.incident.Comment.Visibility;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.State;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incident API without the process: records are written by {@link IncidentFixtures}; everything here is refused or
 * answered before the process would be involved.
 */
class IncidentApiTest extends ApiTestSupport {

	private static final String PROBLEM = "application/problem+json";

	@Autowired
	IncidentComments incidentComments;

	// ---- access

	@Test
	void requesterListsOnlyIncidentsTheyReported() throws Exception {
		String service = IncidentFixtures.marker();
		String requester = IncidentFixtures.uniqueUser("req");
		Incident own = fixtures.create("Printer jams", requester, IncidentType.HARDWARE, service);
		fixtures.create("Someone else's printer", "someone-else", IncidentType.HARDWARE, service);

		mvc.perform(get("/api/incidents").param("service", service).with(as(requester, "requesters")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.totalPages").value(1))
			.andExpect(jsonPath("$.content[*].number").value(containsInAnyOrder(own.getNumber())));
	}

	@Test
	void requesterGetsTheSame404ForSomeoneElsesIncidentAsForAMissingOne() throws Exception {
		String requester = IncidentFixtures.uniqueUser("req");
		Incident other = fixtures.create("Not yours", "someone-else", IncidentType.SOFTWARE, IncidentFixtures.marker());
		String missing = Incident.formatNumber(999_999_999L);

		String hidden = mvc.perform(get("/api/incidents/" + other.getNumber()).with(as(requester, "requesters")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(PROBLEM))
			.andReturn().getResponse().getContentAsString();
		String absent = mvc.perform(get("/api/incidents/" + missing).with(as(requester, "requesters")))
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();

		assertThat(hidden.replace(other.getNumber(), "N")).isEqualTo(absent.replace(missing, "N"));
		assertThat(json.readTree(absent).get("title").asText()).isEqualTo("Incident not found");

		// acting on it is refused the same way
		mvc.perform(post("/api/incidents/" + other.getNumber() + "/comments").with(as(requester, "requesters"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"hello\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/incidents/" + other.getNumber() + "/cancellation").with(as(requester, "requesters"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"mine now\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void agentsDoNotSeeSecurityIncidentsButSecurityOpsAndIncidentManagersDo() throws Exception {
		String service = IncidentFixtures.marker();
		Incident outage = fixtures.create("Mail down", "rita", IncidentType.SERVICE_OUTAGE, service);
		Incident phishing = fixtures.create("Phishing mail", "rob", IncidentType.SECURITY, service);

		for (String group : List.of("service-desk", "network-ops", "app-support")) {
			mvc.perform(get("/api/incidents").param("service", service).with(as("agent", group)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totalElements").value(1))
				.andExpect(jsonPath("$.content[*].number").value(containsInAnyOrder(outage.getNumber())));
			mvc.perform(get("/api/incidents/" + phishing.getNumber()).with(as("agent", group)))
				.andExpect(status().isNotFound());
		}
		for (String group : List.of("security-ops", "incident-managers", "camunda-admin")) {
			mvc.perform(get("/api/incidents").param("service", service).with(as("cleared", group)))
				.andExpect(jsonPath("$.totalElements").value(2))
				.andExpect(jsonPath("$.content[*].number")
					.value(containsInAnyOrder(outage.getNumber(), phishing.getNumber())));
			mvc.perform(get("/api/incidents/" + phishing.getNumber()).with(as("cleared", group)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.type").value("security"));
		}
	}

	@Test
	void requesterWhoIsAlsoAnAgentIsTreatedAsAnAgent() throws Exception {
		String service = IncidentFixtures.marker();
		fixtures.create("One", "someone", IncidentType.SOFTWARE, service);
		fixtures.create("Two", "someone-else", IncidentType.SOFTWARE, service);

		mvc.perform(get("/api/incidents").param("service", service).with(as("alice", "requesters", "service-desk")))
			.andExpect(jsonPath("$.totalElements").value(2));
	}

	@Test
	void usersWithoutAnIncidentGroupAreRefused() throws Exception {
		Incident incident = fixtures.create("Any", "rita", IncidentType.SOFTWARE, IncidentFixtures.marker());

		mvc.perform(get("/api/incidents").with(as("paul", "process-owners")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(PROBLEM));
		mvc.perform(get("/api/incidents/" + incident.getNumber()).with(as("paul", "process-owners")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/incidents").with(as("paul", "process-owners"))
			.contentType(MediaType.APPLICATION_JSON).content(validReport("Nope")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anIntegrationCannotReportInSomeoneElsesName() throws Exception {
		String title = "Alert for rob " + IncidentFixtures.marker();
		mvc.perform(post("/api/incidents").with(as("monitoring", "integrations")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("title", title, "caller", "rob", "type", "software",
					"impact", "low", "urgency", "low"))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Integrations report incidents only in their own name."));
		assertNoRecordTitled(title);
	}

	// ---- list: filters, sorting, paging

	@Test
	void filtersCombineAndAcceptCodesInAnyCase() throws Exception {
		String service = IncidentFixtures.marker();
		Incident a = fixtures.create("VPN drops", "rita", IncidentType.SERVICE_DEGRADATION, service, incident -> {
			incident.setState(State.IN_PROGRESS);
			incident.setPriority(2);
			incident.setAssignmentGroup("network-ops");
			incident.setAssignee("nick");
		});
		Incident b = fixtures.create("Laptop broken", "rob", IncidentType.HARDWARE, service, incident -> {
			incident.setDescription("Screen flickers after the VPN client update");
			incident.setPriority(4);
			incident.setAssignmentGroup("service-desk");
		});
		fixtures.create("Closed one", "rita", IncidentType.SOFTWARE, service, incident -> incident.setState(State.CLOSED));

		expectNumbers(get("/api/incidents").param("service", service).param("state", "IN_PROGRESS"), a);
		expectNumbers(get("/api/incidents").param("service", service).param("state", "new,in_progress"), a, b);
		expectNumbers(get("/api/incidents").param("service", service).param("priority", "2,3"), a);
		expectNumbers(get("/api/incidents").param("service", service).param("group", "service-desk"), b);
		expectNumbers(get("/api/incidents").param("service", service).param("assignee", "nick"), a);
		expectNumbers(get("/api/incidents").param("service", service).param("caller", "rob"), b);
		expectNumbers(get("/api/incidents").param("service", service).param("type", "Hardware"), b);
		expectNumbers(get("/api/incidents").param("service", service).param("q", "vpn"), a, b);
		expectNumbers(get("/api/incidents").param("service", service).param("q", "vpn").param("caller", "rita"), a);
		expectNumbers(get("/api/incidents").param("q", b.getNumber().toLowerCase()), b);
		expectNumbers(get("/api/incidents").param("service", service).param("q", "100%"));
	}

	@Test
	void sortsByWhitelistedFieldsAndPages() throws Exception {
		String service = IncidentFixtures.marker();
		Incident p3 = fixtures.create("Third", "rita", IncidentType.SOFTWARE, service, i -> i.setPriority(3));
		Incident p1 = fixtures.create("First", "rita", IncidentType.SOFTWARE, service, i -> i.setPriority(1));
		Incident p2 = fixtures.create("Second", "rita", IncidentType.SOFTWARE, service, i -> i.setPriority(2));

		mvc.perform(get("/api/incidents").param("service", service).param("sort", "priority,asc")
			.with(as("alice", "service-desk")))
			.andExpect(jsonPath("$.content[*].number").value(is(List.of(p1.getNumber(), p2.getNumber(), p3.getNumber()))));
		mvc.perform(get("/api/incidents").param("service", service).param("sort", "priority,desc")
			.param("sort", "reportedAt,desc").with(as("alice", "service-desk")))
			.andExpect(jsonPath("$.content[*].number").value(is(List.of(p3.getNumber(), p2.getNumber(), p1.getNumber()))));
		mvc.perform(get("/api/incidents").param("service", service).param("sort", "title")
			.param("page", "1").param("size", "2").with(as("alice", "service-desk")))
			.andExpect(jsonPath("$.content[*].number").value(is(List.of(p3.getNumber()))))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.totalPages").value(2));
	}

	@Test
	void badListParametersAreNamed() throws Exception {
		expectInvalid(get("/api/incidents").param("sort", "bogus,asc"), "sort", "cannot sort by 'bogus'");
		expectInvalid(get("/api/incidents").param("sort", "description"), "sort", "cannot sort by 'description'");
		expectInvalid(get("/api/incidents").param("state", "open"), "state",
				"must be one of: new, in_progress, on_hold, resolved, closed, canceled");
		expectInvalid(get("/api/incidents").param("type", "huge"), "type", "must be one of:");
		expectInvalid(get("/api/incidents").param("priority", "9"), "priority", "must be a number from 1 to 5");
		expectInvalid(get("/api/incidents").param("size", "101"), "size", "must be between 1 and 100");
		expectInvalid(get("/api/incidents").param("page", "-1"), "page", "must be 0 or more");
		expectInvalid(get("/api/incidents").param("page", "first"), "page", "must be of type integer");
	}

	// ---- one incident with comments and activity

	@Test
	void requestersSeePublicCommentsAndLifecycleAgentsSeeEverything() throws Exception {
		String requester = IncidentFixtures.uniqueUser("req");
		Incident incident = fixtures.create("Cannot log in", requester, IncidentType.SOFTWARE, IncidentFixtures.marker());
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			Incident managed = incidents.findByNumber(incident.getNumber()).orElseThrow();
			incidentComments.add(managed, "alice", Visibility.PUBLIC, "Did you try resetting it?", "tasklist");
			incidentComments.add(managed, "alice", Visibility.INTERNAL, "Looks like LDAP again", "tasklist");
		});
		fixtures.change(incident.getNumber(), i -> {
			i.setAssignmentGroup("app-support");
			i.setState(State.IN_PROGRESS);
		});

		mvc.perform(get("/api/incidents/" + incident.getNumber()).with(as(requester, "requesters")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(incident.getNumber()))
			.andExpect(jsonPath("$.state").value("in_progress"))
			.andExpect(jsonPath("$.impact").value("medium"))
			.andExpect(jsonPath("$.channel").value("portal"))
			.andExpect(jsonPath("$.comments[*].body").value(is(List.of("Did you try resetting it?"))))
			.andExpect(jsonPath("$.comments[0].visibility").value("public"))
			.andExpect(jsonPath("$.activity[*].event").value(is(List.of("COMMENT_ADDED", "STATE_CHANGED"))))
			.andExpect(jsonPath("$.activity[1].oldValue").value("new"))
			.andExpect(jsonPath("$.activity[1].newValue").value("in_progress"))
			.andExpect(jsonPath("$.processInstanceId").doesNotExist());

		mvc.perform(get("/api/incidents/" + incident.getNumber()).with(as("ann", "app-support")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comments[*].visibility").value(is(List.of("public", "internal"))))
			.andExpect(jsonPath("$.activity[*].event").value(hasItem("WORK_NOTE_ADDED")))
			.andExpect(jsonPath("$.activity[?(@.event == 'FIELD_CHANGED')].field")
				.value(containsInAnyOrder("assignmentGroup", "state")));
	}

	// ---- comments

	@Test
	void requestersAddPublicCommentsAgentsAlsoWorkNotes() throws Exception {
		String requester = IncidentFixtures.uniqueUser("req");
		Incident incident = fixtures.create("Slow wiki", requester, IncidentType.SERVICE_DEGRADATION,
				IncidentFixtures.marker());
		String url = "/api/incidents/" + incident.getNumber() + "/comments";

		mvc.perform(post(url).with(as(requester, "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"Still slow at 14:00\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.comments[0].author").value(requester))
			.andExpect(jsonPath("$.comments[0].visibility").value("public"))
			.andExpect(jsonPath("$.comments[0].source").value("api"));
		mvc.perform(post(url).with(as(requester, "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"visibility\":\"internal\",\"body\":\"psst\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(PROBLEM));
		mvc.perform(post(url).with(as("ann", "app-support")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"visibility\":\"INTERNAL\",\"body\":\"Cache node 2 is full\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.comments[*].visibility").value(is(List.of("public", "internal"))));

		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"  \"}"), "body",
				"must not be blank");
		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON)
			.content("{\"visibility\":\"secret\",\"body\":\"x\"}"), "visibility", "must be one of: public, internal");
		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("body", "x".repeat(Incident.TEXT_MAX + 1)))), "body",
				"size must be between 0 and 10000");
	}

	// ---- confirmation and cancellation refused before the process is asked

	@Test
	void confirmationNeedsTheCallerAReasonToRejectAndAWaitingProcess() throws Exception {
		String requester = IncidentFixtures.uniqueUser("req");
		Incident incident = fixtures.create("Wi-Fi", requester, IncidentType.SOFTWARE, IncidentFixtures.marker());
		String url = "/api/incidents/" + incident.getNumber() + "/confirmation";

		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON).content("{}"), "accepted", "must not be null",
				requester);
		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":false}"), "reason",
				"is required when the resolution is rejected", requester);
		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":\"maybe\"}"),
				"accepted", "must be true or false", requester);
		mvc.perform(post(url).with(as("alice", "service-desk")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accepted\":true}"))
			.andExpect(status().isForbidden());
		mvc.perform(post(url).with(as(requester, "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accepted\":true}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.title").value("Not awaiting confirmation"));
	}

	@Test
	void closedIncidentsCannotBeCanceled() throws Exception {
		Incident incident = fixtures.create("Old", "rita", IncidentType.SOFTWARE, IncidentFixtures.marker(),
				i -> i.setState(State.CLOSED));
		String url = "/api/incidents/" + incident.getNumber() + "/cancellation";

		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"), "reason",
				"must not be blank");
		expectInvalid(post(url).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("reason", "x".repeat(1001)))), "reason",
				"size must be between 0 and 1000");
		mvc.perform(post(url).with(as("alice", "service-desk")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"duplicate\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Incident " + incident.getNumber() + " is closed and can no longer be canceled."));
	}

	// ---- bad input when reporting

	@Test
	void reportValidationNamesEachBadFieldAndCreatesNothing() throws Exception {
		String title = "x".repeat(Incident.TITLE_MAX + 1);
		mvc.perform(post("/api/incidents").with(as("rita", "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("title", title, "type", "software", "impact", "huge",
					"channel", "pigeon", "description", "d".repeat(Incident.TEXT_MAX + 1)))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("title", "impact", "channel", "description", "urgency")))
			.andExpect(jsonPath("$.errors[?(@.field == 'impact')].message").value(is(List.of("must be one of: high, medium, low"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'channel')].message")
				.value(is(List.of("must be one of: portal, email, phone, chat, monitoring"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value(is(List.of("size must be between 0 and 200"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'urgency')].message").value(is(List.of("must not be blank"))));
		assertNoRecordTitled(title);
	}

	@Test
	void malformedJsonWrongTypesAndWrongContentTypeAreRefusedClearly() throws Exception {
		mvc.perform(post("/api/incidents").with(as("rita", "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"VPN\", "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.detail").value(containsString("Malformed JSON")))
			.andExpect(content().string(not(containsString("at org."))))
			.andExpect(content().string(not(containsString("Exception"))));
		expectInvalid(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content("{\"title\":{\"a\":1}}"),
				"title", "must be a string");
		mvc.perform(post("/api/incidents").with(as("rita", "requesters")).contentType(MediaType.APPLICATION_JSON)
			.content("[1, 2]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body must be a JSON object."));
		mvc.perform(post("/api/incidents").with(as("rita", "requesters")).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body is missing or is not readable JSON."));
		mvc.perform(post("/api/incidents").with(as("rita", "requesters")).contentType(MediaType.TEXT_PLAIN)
			.content("VPN is down"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(PROBLEM));
	}

	@Test
	void unknownIncidentsAndWrongMethodsAreProblems() throws Exception {
		mvc.perform(get("/api/incidents/INC-999999999").with(as("alice", "service-desk")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(delete("/api/incidents/INC-000001").with(as("alice", "service-desk")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentType(PROBLEM));
		mvc.perform(put("/api/incidents").with(as("alice", "service-desk")).contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentType(PROBLEM));
	}

	// ---- OpenAPI

	@Test
	void openApiDescribesTheEndpointsAndHttpBasic() throws Exception {
		mvc.perform(get("/api/openapi").with(as("alice", "service-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Incident Flow API"))
			.andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
			.andExpect(jsonPath("$.paths['/api/incidents'].get.responses['200'].content['application/json'].schema").exists())
			.andExpect(jsonPath("$.paths['/api/incidents/{number}'].get.responses['200'].content['application/json'].schema['$ref']")
				.value("#/components/schemas/Incident"))
			.andExpect(jsonPath("$.paths['/api/incidents'].post").exists())
			.andExpect(jsonPath("$.paths['/api/incidents/{number}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/incidents/{number}/comments'].post").exists())
			.andExpect(jsonPath("$.paths['/api/incidents/{number}/confirmation'].post").exists())
			.andExpect(jsonPath("$.paths['/api/incidents/{number}/cancellation'].post").exists())
			.andExpect(jsonPath("$.paths['/api/incidents'].post.responses['400'].content['application/problem+json'].schema['$ref']")
				.value("#/components/schemas/ValidationProblem"))
			.andExpect(jsonPath("$.components.schemas.ValidationProblem.properties.errors.items['$ref']")
				.value("#/components/schemas/FieldError"))
			.andExpect(jsonPath("$.components.schemas.NewIncident.properties.title.maxLength").value(Incident.TITLE_MAX))
			.andExpect(jsonPath("$.components.schemas.NewIncident.required").value(hasItem("title")))
			.andExpect(jsonPath("$.components.schemas.NewIncident.properties.impact.enum")
				.value(containsInAnyOrder("high", "medium", "low")));
	}

	// ---- helpers

	private void expectNumbers(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			Incident... expected) throws Exception {
		ResultActions result = mvc.perform(request.with(as("maria", "incident-managers")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(expected.length));
		if (expected.length > 0) {
			result.andExpect(jsonPath("$.content[*].number")
				.value(containsInAnyOrder(java.util.Arrays.stream(expected).map(Incident::getNumber).toArray())));
		}
	}

	private void expectInvalid(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String field, String message) throws Exception {
		expectInvalid(request, field, message, "maria");
	}

	private void expectInvalid(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String field, String message, String user) throws Exception {
		mvc.perform(request.with(as(user, "incident-managers", "requesters")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)))
			.andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString(message))))
			.andExpect(jsonPath("$.errors[*].field").value(everyItem(is(field))));
	}

	private void assertNoRecordTitled(String title) {
		assertThat(incidents.findAll((root, query, cb) -> cb.equal(root.get("title"), title))).isEmpty();
	}

	static String validReport(String title) {
		return "{\"title\":\"" + title + "\",\"type\":\"software\",\"impact\":\"low\",\"urgency\":\"low\"}";
	}

}
