package org.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CVE-2026-77226: nobody creates an administrator through the Admin setup endpoint. */
class AdminSetupBlockTest extends WebTestSupport {

	@Autowired
	IdentityService identityService;

	@Test
	void setupEndpointRefusesTheExploitAndCreatesNothing() {
		String attacker = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\","
				+ "\"email\":\"m@example.org\"},\"credentials\":{\"password\":\"mallory-pass-1234\"}}";

		for (String path : new String[] { "/camunda/api/admin/setup/default/user/create",
				"/camunda/api/admin/%73etup/default/user/create", "/camunda/api/admin/setup/default/user/create/" }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
					.header("Content-Type", "application/json").POST(BodyPublishers.ofString(attacker)));
			assertThat(response.statusCode()).as(path).isIn(403, 404);
		}

		assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
	}

	@Test
	void setupEndpointIsRefusedEvenForAdministrators() {
		WebappSession admin = webappSession();
		assertThat(admin.login("admin", "admin", DEMO_PASSWORD).statusCode()).isEqualTo(200);

		HttpResponse<String> response = admin.postJson("/camunda/api/admin/setup/default/user/create",
				"{\"profile\":{\"id\":\"mallory2\"},\"credentials\":{\"password\":\"mallory-pass-1234\"}}");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(identityService.createUserQuery().userId("mallory2").count()).isZero();
	}

}
