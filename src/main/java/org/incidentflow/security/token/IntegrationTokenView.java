package org.incidentflow.security.token;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IntegrationToken", description = "An integration token as listed: never the token itself")
public record IntegrationTokenView(
		long id,
		String name,
		@Schema(description = "intake, intake.alertmanager or intake.grafana") String scope,
		@Schema(description = "The caller id of incidents opened with the token", example = "integration:alertmanager-prod") String principal,
		@Schema(description = "Last four characters of the token, to tell tokens apart", example = "x9Qa") String tokenEndsWith,
		String createdBy,
		Instant createdAt,
		@Schema(description = "Last accepted use, to the minute; absent if never used") Instant lastUsedAt,
		boolean revoked,
		String revokedBy,
		Instant revokedAt,
		@Schema(description = "Only in the answer to the creation: the token. It is not stored and cannot be shown again.") String token) {

	static IntegrationTokenView of(IntegrationToken token, String secret) {
		return new IntegrationTokenView(token.getId(), token.getName(), token.scope().code(), token.principal(),
				token.getTokenHint(), token.getCreatedBy(), token.getCreatedAt(), token.getLastUsedAt(),
				token.isRevoked(), token.getRevokedBy(), token.getRevokedAt(), secret);
	}

}
