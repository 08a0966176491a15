package org.incidentflow.problem.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.problem.ProblemRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;

import com.jayway.jsonpath.JsonPath;

/** {@code /api/problems} through the real security chain: who may do what, bad input, links, duplicates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class ProblemApiTest {

	static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	@Autowired WebApplicationContext context;
	@Autowired IncidentRepository incidents;
	@Autowired ProblemRepository problems;
	@Autowired PlatformTransactionManager transactionManager;

	MockMvc mvc;
	IncidentFixtures fixtures;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		fixtures = new IncidentFixtures(incidents, transactionManager);
	}

	static RequestPostProcessor as(String userId, String... groups) {
		RequestPostProcessor authenticated = user(userId).authorities(
				Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList());
		return request -> csrf().postProcessRequest(authenticated.postProcessRequest(request));
	}

	String raise(String body, RequestPostProcessor who) throws Exception {
		String answer = mvc.perform(post("/api/problems").contentType(MediaType.APPLICATION_JSON).content(body).with(who))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$.number");
	}

	@Test
	void anAgentRaisesAProblemWithIncidentsAndAProblemManagerManagesTheLinks() throws Exception {
		String first = fixtures.create("Share drive slow", "rita", IncidentType.SOFTWARE, "Files").getNumber();
		String second = fixtures.create("Share drive timeouts", "rob", IncidentType.SOFTWARE, "Files").getNumber();
		String number = raise("""
				{"title": "File server saturates at month end", "service": "Files", "ownerGroup": "app-support",
				 "incidents": ["%s"]}""".formatted(first.toLowerCase()), as("alice", "service-desk"));
		assertThat(number).matches("PRB-\\d{6}");
		assertThat(incidents.findByNumber(first).orElseThrow().getProblemNumber()).isEqualTo(number);

		mvc.perform(get("/api/problems/" + number).with(as("nick", "network-ops")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("investigating"))
			.andExpect(jsonPath("$.ownerGroup").value("app-support"))
			.andExpect(jsonPath("$.origin").value("api"))
			.andExpect(jsonPath("$.raisedBy").value("alice"))
			.andExpect(jsonPath("$.incidents[*].number").value(hasItem(first)))
			.andExpect(jsonPath("$.activity[*].event").value(hasItem("INCIDENT_LINKED")));
		mvc.perform(get("/api/incidents/" + first).with(as("alice", "service-desk")))
			.andExpect(jsonPath("$.problemNumber").value(number));

		// agents may not manage links; problem managers may, idempotently
		mvc.perform(put("/api/problems/" + number + "/incidents/" + second).with(as("alice", "service-desk")))
			.andExpect(status().isForbidden()).andExpect(content().contentType(PROBLEM));
		for (int i = 0; i < 2; i++) {
			mvc.perform(put("/api/problems/" + number + "/incidents/" + second).with(as("pam", "problem-managers")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.incidents[*].number").value(hasItem(second)));
		}
		mvc.perform(get("/api/problems/" + number).with(as("pam", "problem-managers")))
			.andExpect(jsonPath("$.activity[?(@.event == 'INCIDENT_LINKED')]").value(org.hamcrest.Matchers.hasSize(2)));
		mvc.perform(delete("/api/problems/" + number + "/incidents/" + first).with(as("pam", "problem-managers")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.incidents[*].number").value(not(hasItem(first))));
		assertThat(incidents.findByNumber(first).orElseThrow().getProblemNumber()).isNull();
		mvc.perform(delete("/api/problems/" + number + "/incidents/" + first).with(as("pam", "problem-managers")))
			.andExpect(status().isNotFound()).andExpect(content().contentType(PROBLEM));

		mvc.perform(get("/api/problems").param("state", "investigating,KNOWN_ERROR").with(as("pam", "problem-managers")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].number").value(hasItem(number)));
	}

	@Test
	void requestersAndIntegrationsHaveNoAccessToProblems() throws Exception {
		mvc.perform(get("/api/problems").with(as("rita", "requesters")))
			.andExpect(status().isForbidden()).andExpect(content().contentType(PROBLEM));
		mvc.perform(post("/api/problems").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\"}")
			.with(as("rita", "requesters"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/problems")).andExpect(status().isUnauthorized());
		assertThat(problems.findAll()).noneMatch(p -> p.getTitle().equals("x"));
	}

	@Test
	void restrictedIncidentsCanBeNeitherLinkedNorSeenByOtherAgents() throws Exception {
		String restricted = fixtures.create("Phishing wave", "rita", IncidentType.SECURITY, "Email").getNumber();
		mvc.perform(post("/api/problems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Phishing\", \"incidents\": [\"" + restricted + "\"]}").with(as("alice", "service-desk")))
			.andExpect(status().isNotFound());
		String number = raise("{\"title\": \"Phishing campaign\", \"incidents\": [\"" + restricted + "\"]}",
				as("sid", "security-ops"));
		mvc.perform(get("/api/problems/" + number).with(as("alice", "service-desk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.incidents").isEmpty());
		mvc.perform(get("/api/problems/" + number).with(as("sid", "security-ops")))
			.andExpect(jsonPath("$.incidents[0].number").value(restricted));
	}

	@Test
	void badInputIsA400NamingTheFieldAndCreatesNothing() throws Exception {
		long before = problems.count();
		expectInvalid(post("/api/problems").contentType(MediaType.APPLICATION_JSON).content("{}"), "title");
		expectInvalid(post("/api/problems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + "x".repeat(201) + "\"}"), "title");
		expectInvalid(post("/api/problems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"ok\", \"ownerGroup\": \"Network Ops!\"}"), "ownerGroup");
		expectInvalid(post("/api/problems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"ok\", \"incidents\": \"INC-1\"}"), "incidents");
		expectInvalid(post("/api/problems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"ok\", \"title\": \"twice\"}"), "title");
		expectInvalid(get("/api/problems").param("state", "open"), "state");
		expectInvalid(get("/api/problems").param("size", "0"), "size");
		expectInvalid(get("/api/problems?bogus=1"), "bogus");
		mvc.perform(post("/api/problems").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"ok\", \"incidents\": [\"INC-999999\"]}").with(as("alice", "service-desk")))
			.andExpect(status().isNotFound()).andExpect(content().contentType(PROBLEM));
		mvc.perform(get("/api/problems/PRB-999999").with(as("alice", "service-desk")))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(containsString("PRB-999999")));
		assertThat(problems.count()).isEqualTo(before);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyRaisesOneProblem() throws Exception {
		long before = problems.count();
		String body = "{\"title\": \"Laptops lose Wi-Fi after sleep\", \"service\": \"Wi-Fi\"}";
		String first = mvc.perform(post("/api/problems").header("Idempotency-Key", "prb-retry-" + System.nanoTime() % 100000)
			.contentType(MediaType.APPLICATION_JSON).content(body).with(as("alice", "service-desk")))
			.andReturn().getResponse().getHeader("Location");
		assertThat(first).startsWith("/api/problems/PRB-");
		assertThat(problems.count()).isEqualTo(before + 1);
		String key = "prb-key-" + System.nanoTime();
		mvc.perform(post("/api/problems").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
			.content(body).with(as("alice", "service-desk"))).andExpect(status().isCreated());
		mvc.perform(post("/api/problems").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
			.content(body).with(as("alice", "service-desk")))
			.andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
		assertThat(problems.count()).isEqualTo(before + 2);
	}

	@Test
	void theLifecycleStepsCompleteTheProblemsTasksForTheirGroupsAndRefuseTheWrongStep() throws Exception {
		String number = raise("{\"title\": \"Badge readers reboot at night\", \"service\": \"Facilities\", "
				+ "\"ownerGroup\": \"app-support\"}", as("alice", "service-desk"));
		String rootCause = "{\"rootCause\": \"Firmware watchdog\", \"workaround\": \"Power-cycle the reader\", "
				+ "\"errorCode\": \"BR-7\"}";
		// not the owner group nor a problem manager
		mvc.perform(post("/api/problems/" + number + "/root-cause").contentType(MediaType.APPLICATION_JSON)
			.content(rootCause).with(as("alice", "service-desk")))
			.andExpect(status().isForbidden()).andExpect(content().contentType(PROBLEM));
		// not at that step yet
		mvc.perform(post("/api/problems/" + number + "/fix").contentType(MediaType.APPLICATION_JSON)
			.content("{\"changeReference\": \"CHG-1\", \"resolution\": \"x\"}").with(as("pam", "problem-managers")))
			.andExpect(status().isConflict()).andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.detail").value(containsString("investigating")));
		// the model's form check: 400 naming the field, nothing recorded
		mvc.perform(post("/api/problems/" + number + "/root-cause").contentType(MediaType.APPLICATION_JSON)
			.content("{\"workaround\": \"Power-cycle\"}").with(as("ann", "app-support")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("rootCause")));
		mvc.perform(post("/api/problems/" + number + "/root-cause").contentType(MediaType.APPLICATION_JSON)
			.content(rootCause).with(as("ann", "app-support")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("known_error"))
			.andExpect(jsonPath("$.knownErrorNumber").value(org.hamcrest.Matchers.startsWith("KE-")));
		mvc.perform(post("/api/problems/" + number + "/root-cause").contentType(MediaType.APPLICATION_JSON)
			.content(rootCause).with(as("ann", "app-support")))
			.andExpect(status().isConflict());

		mvc.perform(post("/api/problems/" + number + "/fix").contentType(MediaType.APPLICATION_JSON)
			.content("{\"resolution\": \"Firmware 2.1\"}").with(as("ann", "app-support")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("changeReference")));
		mvc.perform(post("/api/problems/" + number + "/fix").contentType(MediaType.APPLICATION_JSON)
			.content("{\"changeReference\": \"CHG-0077\", \"resolution\": \"Firmware 2.1\"}").with(as("ann", "app-support")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("resolved"));

		// the closure review is the problem managers' alone
		String held = "{\"fixConfirmed\": true, \"reviewNotes\": \"Quiet for two weeks\"}";
		mvc.perform(post("/api/problems/" + number + "/closure").contentType(MediaType.APPLICATION_JSON)
			.content(held).with(as("ann", "app-support")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/problems/" + number + "/closure").contentType(MediaType.APPLICATION_JSON)
			.content("{}").with(as("pam", "problem-managers")))
			// as in the form, no answer means the fix did not hold: then the notes say why
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("reviewNotes")));
		mvc.perform(post("/api/problems/" + number + "/closure").contentType(MediaType.APPLICATION_JSON)
			.content(held).with(as("pam", "problem-managers")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("closed"))
			.andExpect(jsonPath("$.activity[*].actor").value(hasItem("ann")));
		mvc.perform(post("/api/problems/" + number + "/closure").contentType(MediaType.APPLICATION_JSON)
			.content(held).with(as("pam", "problem-managers")))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("closed")));
		mvc.perform(post("/api/problems/PRB-999999/closure").contentType(MediaType.APPLICATION_JSON)
			.content(held).with(as("pam", "problem-managers")))
			.andExpect(status().isNotFound());
	}

	private void expectInvalid(MockHttpServletRequestBuilder request, String field) throws Exception {
		mvc.perform(request.with(as("alice", "service-desk")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
	}

}
