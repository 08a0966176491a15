package org.incidentflow.incident.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.Arrays;

import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Common set-up of the API tests: the project's shared Spring Boot test context, MockMvc with the Spring Security
 * filter chain (users from spring-security-test, so they keep working with the real HTTP Basic configuration) and
 * CSRF tokens (harmless once the API is stateless).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
abstract class ApiTestSupport {

	@Autowired
	WebApplicationContext context;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ObjectMapper json;

	MockMvc mvc;

	IncidentFixtures fixtures;

	@BeforeEach
	void setUpMvc() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		fixtures = new IncidentFixtures(incidents, transactionManager);
	}

	/** A user with the given Camunda groups as authorities, with a CSRF token. */
	static RequestPostProcessor as(String userId, String... groups) {
		RequestPostProcessor authenticated = user(userId).authorities(
				Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList());
		return request -> csrf().postProcessRequest(authenticated.postProcessRequest(request));
	}

}
