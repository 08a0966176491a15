package org.incidentflow.security.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IntegrationTokenRequest", description = "A new API token for an integration")
public record IntegrationTokenRequest(
		@Schema(description = "What the token is for; lower-case letters, digits, '.', '-', '_', at most 64. Incidents it opens name integration:<name> as caller. Tokens may share a name (rotation).", example = "alertmanager-prod")
		@NotBlank @Pattern(regexp = IntegrationToken.NAME_PATTERN, message = "lower-case letters, digits, '.', '-', '_'; at most 64, starting with a letter or digit") String name,
		@Schema(description = "Endpoints the token opens; default intake (every intake endpoint)", allowableValues = { "intake", "intake.alertmanager", "intake.grafana" }, example = "intake.alertmanager")
		@Pattern(regexp = "intake|intake\\.alertmanager|intake\\.grafana", message = "one of intake, intake.alertmanager, intake.grafana") String scope) {

	IntegrationTokenScope scopeOrDefault() {
		return scope == null ? IntegrationTokenScope.INTAKE : IntegrationTokenScope.ofCode(scope).orElseThrow();
	}

}
