package org.incidentflow.major.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import org.incidentflow.incident.Channel;
import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The major-incident API over HTTP (MockMvc with the security filter chain): who may call it, the problem details of
 * bad input (400 naming the field), refusals by the linking rules (409 naming the field), and the workbench view of a
 * declared major incident with its children.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class MajorIncidentApiTest {

	@Autowired
	WebApplicationContext context;
	@Autowired
	IncidentReporting reporting;
	@Autowired
	IncidentRepository incidents;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	static RequestPostProcessor as(String userId, String... groups) {
		RequestPostProcessor authenticated = user(userId)
			.authorities(Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList());
		return request -> csrf().postProcessRequest(authenticated.postProcessRequest(request));
	}

	static final RequestPostProcessor MARIA = as("maria", "incident-managers");
	static final RequestPostProcessor ALICE = as("alice", "service-desk");

	String report(String title) {
		return reporting.report(new NewIncident(title, "From the API test", IncidentFixtures.uniqueUser("caller"),
				Channel.PORTAL, "Telephony", null, IncidentType.SERVICE_OUTAGE, Level.MEDIUM, Level.MEDIUM)).getNumber();
	}

	@Test
	void anIncidentManagerDeclaresAndAnAgentLinksAndUnlinksChildren() throws Exception {
		String parent = report("Desk phones dead on floor 2");
		String child = report("My desk phone shows no line");

		mvc.perform(post("/api/incidents/{n}/major", parent).with(MARIA).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"All phones of floor 2\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(parent))
			.andExpect(jsonPath("$.declareReason").value("All phones of floor 2"));

		mvc.perform(post("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parent\":\"" + parent + "\",\"reason\":\"same outage\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/major-incidents/{n}", parent).with(ALICE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.children", hasSize(1)))
			.andExpect(jsonPath("$.children[0].number").value(child));

		// a cycle: the parent under its own child
		mvc.perform(post("/api/incidents/{n}/parent", parent).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parent\":\"" + child + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").exists());

		mvc.perform(delete("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"different cause after all\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/major-incidents/{n}", parent).with(ALICE))
			.andExpect(jsonPath("$.children", hasSize(0)));
	}

	@Test
	void badInputIsA400NamingTheField() throws Exception {
		String parent = report("Voicemail unreachable");
		String child = report("Cannot reach voicemail");

		mvc.perform(post("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parent"));
		mvc.perform(post("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parent\":\"INC-999999\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parent"));
		mvc.perform(post("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parent\":\"" + parent + "\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/incidents/{n}/major", parent).with(MARIA).contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parent\": [1, 2]}"))
			.andExpect(status().isBadRequest());
		// nothing stored was lost: the link made above is still there (the parent is not major: no workbench view)
		mvc.perform(delete("/api/incidents/{n}/parent", child).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"checking the link is there\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/major-incidents/{n}", parent).with(ALICE)).andExpect(status().isNotFound());
	}

	@Test
	void onlyIncidentManagersDeclareAndOnlyAgentsUseTheApi() throws Exception {
		String number = report("Conference phone crackles");
		mvc.perform(post("/api/incidents/{n}/major", number).with(ALICE).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"looks big\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/major-incidents/{n}", number).with(as("rita", "requesters")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/incidents/{n}/parent", number).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"parent\":\"INC-000001\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(incidents.findByNumber(number).orElseThrow().isMajor()).isFalse();
	}
}
