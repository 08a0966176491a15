package org.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HttpAuthenticationTest extends WebTestSupport {

	@Autowired
	IdentityService identityService;

	@Test
	void engineRestWithoutCredentialsIsUnauthorizedAndShowsNoData() {
		HttpResponse<String> response = anonymousGet("/engine-rest/task");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				value -> assertThat(value).startsWith("Basic"));
		assertThat(response.body()).contains("\"status\":401").doesNotContain("\"id\"").doesNotContain("null");
	}

	@Test
	void engineRestDeploymentsWithoutCredentialsAreUnauthorized() {
		assertThat(anonymousGet("/engine-rest/deployment").statusCode()).isEqualTo(401);
		assertThat(anonymousGet("/engine-rest/engine/default/deployment").statusCode()).isEqualTo(401);
	}

	@Test
	void productApiWithoutCredentialsIsUnauthorized() {
		assertThat(anonymousGet("/api/anything").statusCode()).isEqualTo(401);
		assertThat(anonymousGet("/api/openapi").statusCode()).isEqualTo(401);
	}

	@Test
	void wrongPasswordIsUnauthorized() {
		// a user of its own: each failed attempt delays the next login of that user (engine login lock)
		String userId = "wrong-password-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identityService.newUser(userId);
		user.setPassword("the-right-password");
		identityService.saveUser(user);
		try {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest/task?maxResults=10"))
					.header("Authorization", basic(userId, "not-the-password")).GET());

			assertThat(response.statusCode()).isEqualTo(401);
		}
		finally {
			identityService.deleteUser(userId);
		}
	}

	@Test
	void agentReadsTasksThroughEngineRest() {
		HttpResponse<String> response = get("/engine-rest/task?maxResults=50", "alice");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[");
	}

	@Test
	void engineRestIsStatelessAndSendsSecurityHeaders() {
		HttpResponse<String> response = get("/engine-rest/task?maxResults=50", "alice");

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void authenticatedUserReachesOpenApiDescription() {
		assertThat(get("/api/openapi", "alice").statusCode()).isEqualTo(200);
	}

	@Test
	void healthIsPublicWithDetailsOnlyForAdministrators() {
		HttpResponse<String> anonymous = anonymousGet("/actuator/health");
		assertThat(anonymous.statusCode()).as(get("/actuator/health", "admin").body()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components");

		assertThat(get("/actuator/health", "alice").body()).doesNotContain("components");
		HttpResponse<String> admin = get("/actuator/health", "admin");
		assertThat(admin.body()).as(admin.body()).contains("components");
	}

	@Test
	void otherPathsRequireAuthentication() {
		assertThat(anonymousGet("/actuator/info").statusCode()).isEqualTo(401);
	}

	/** The webapps' login page probes it in the browser: a Basic challenge there pops up the browser's auth dialog. */
	@Test
	void webappWelcomeProbeIsNotFoundWithoutBasicChallenge() {
		HttpResponse<String> response = anonymousGet("/camunda-welcome");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void rootSendsAnAnonymousVisitorToTheSignInForm() {
		HttpResponse<String> response = anonymousGet("/");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
	}

}
