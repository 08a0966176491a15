package org.incidentflow.asset.api;

import java.util.List;

import org.incidentflow.asset.Impact;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an outage of a configuration item affects. */
@Schema(name = "ConfigurationItemImpact")
public record ImpactView(
		@Schema(example = "radius-lyon") String id,
		@Schema(description = "Business services affected by an outage of the CI, its own included, sorted", example = "[\"vpn\"]") List<String> services,
		@Schema(description = "CIs that depend on or run on it, directly (distance 1) or through others; nearest first") List<AffectedView> affected) {

	@Schema(name = "AffectedConfigurationItem")
	public record AffectedView(String id, String name, String type, String service, int criticality, String status,
			@Schema(description = "Relationships between it and the CI of the outage") int distance) {
	}

	static ImpactView of(Impact impact) {
		return new ImpactView(impact.item().getId(), impact.services(), impact.affected().stream()
			.map(a -> new AffectedView(a.item().getId(), a.item().getName(), a.item().getType().code(),
					a.item().getService(), a.item().getCriticality(), a.item().getStatus().code(), a.distance()))
			.toList());
	}

}
