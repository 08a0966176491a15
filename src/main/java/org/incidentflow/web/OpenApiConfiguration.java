package org.incidentflow.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The product API's description, served at {@code /api/openapi} (Swagger UI at {@code /api/docs}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	static final String BASIC_AUTH = "basicAuth";
	static final String INTEGRATION_TOKEN = "integrationToken";

	@Bean
	OpenAPI incidentFlowOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Incident Flow API")
				.version("v1")
				.description("""
						Report, follow and act on incidents. Every change goes through the incident process; \
						responses show the record after the change was committed.

						Authentication: HTTP Basic with a Camunda user; the intake webhooks also take an integration \
						token (`Authorization: Bearer …`, see Integration tokens). Failed logins are throttled per \
						client address and user: `429` with `Retry-After`, never an account lock. Requesters see only the incidents they \
						reported; agents see all incidents except security incidents, which only security-ops and \
						incident-managers see. An incident you may not see answers 404 like a missing one.

						Codes (state, impact, urgency, type, channel, visibility) are lower case in responses and \
						accepted in any case in requests. Properties without a value are left out of responses. \
						Errors are RFC 9457 problem details; a 400 lists each bad field in `errors`.""")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BASIC_AUTH,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
						.description("Camunda user id and password"))
					.addSecuritySchemes(INTEGRATION_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("Integration token (Authorization: Bearer ifi_…), created by an administrator at "
								+ "/api/integration-tokens; accepted only by the intake endpoints of its scope")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
	}

}
