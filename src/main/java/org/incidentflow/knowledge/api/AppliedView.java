package org.incidentflow.knowledge.api;

import java.util.Locale;

import org.incidentflow.knowledge.AppliedKnowledge;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "AppliedKnowledge", description = "What the incident now records as applied")
public record AppliedView(String incident, @Schema(allowableValues = { "article", "known_error" }) String kind,
		String id, String title, String workaround,
		@Schema(description = "false when it was already recorded (nothing changed)") boolean changed) {

	static AppliedView of(AppliedKnowledge.Applied a) {
		return new AppliedView(a.incident(), a.kind().name().toLowerCase(Locale.ROOT), a.id(), a.title(),
				a.workaround(), a.changed());
	}
}
