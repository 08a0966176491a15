package org.incidentflow.knowledge.api;

import java.time.Instant;
import java.util.List;

import org.incidentflow.knowledge.KnownError;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "KnownError", description = "A known error of the known-error database (agents and problem managers only)")
public record KnownErrorView(String number, @Schema(allowableValues = { "draft", "published", "retired" }) String state,
		String problemNumber, String title, String symptom, String workaround, String rootCause, String solution,
		String errorCode, String service, List<String> configurationItems, Instant validTo,
		@Schema(description = "Incident whose workaround it was proposed from") String sourceIncident, String createdBy,
		Instant createdAt, Instant updatedAt, Instant publishedAt, Instant retiredAt) {

	static KnownErrorView of(KnownError k) {
		return new KnownErrorView(k.getNumber(), k.getState().code(), k.getProblemNumber(), k.getTitle(),
				k.getSymptom(), k.getWorkaround(), k.getRootCause(), k.getSolution(), k.getErrorCode(), k.getService(),
				k.configurationItemList(), k.getValidTo(), k.getSourceIncident(), k.getCreatedBy(), k.getCreatedAt(),
				k.getUpdatedAt(), k.getPublishedAt(), k.getRetiredAt());
	}
}
