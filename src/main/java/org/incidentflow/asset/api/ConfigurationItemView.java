package org.incidentflow.asset.api;

import java.time.Instant;
import java.util.List;

import org.incidentflow.asset.ConfigurationItem;
import org.incidentflow.asset.Relationship;
import org.incidentflow.asset.RelationshipType;

import io.swagger.v3.oas.annotations.media.Schema;

/** A configuration item as the API answers it. */
@Schema(name = "ConfigurationItem")
public record ConfigurationItemView(
		@Schema(example = "vpn-gw-lyon") String id,
		String name,
		@Schema(example = "network_device") String type,
		@Schema(example = "vpn") String service,
		String ownerGroup,
		@Schema(description = "1 (most critical) to 4") int criticality,
		String location,
		@Schema(allowableValues = { "in_use", "maintenance", "retired" }) String status,
		@Schema(description = "Ids of the CIs it depends on") List<String> dependsOn,
		@Schema(description = "Ids of the CIs it runs on") List<String> runsOn,
		@Schema(description = "Ids of the CIs that depend on or run on it (only on GET of one CI)") List<String> usedBy,
		@Schema(description = "Increases with every change") long version,
		Instant createdAt,
		String createdBy,
		Instant updatedAt,
		String updatedBy) {

	static ConfigurationItemView of(ConfigurationItem item, List<String> usedBy) {
		return new ConfigurationItemView(item.getId(), item.getName(), item.getType().code(), item.getService(),
				item.getOwnerGroup(), item.getCriticality(), item.getLocation(), item.getStatus().code(),
				targets(item, RelationshipType.DEPENDS_ON), targets(item, RelationshipType.RUNS_ON), usedBy,
				item.getVersion(), item.getCreatedAt(), item.getCreatedBy(), item.getUpdatedAt(), item.getUpdatedBy());
	}

	private static List<String> targets(ConfigurationItem item, RelationshipType type) {
		return item.getRelationships().stream().filter(r -> r.getType() == type).map(Relationship::getTargetId)
			.sorted().toList();
	}

}
