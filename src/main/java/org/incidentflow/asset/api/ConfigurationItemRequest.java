package org.incidentflow.asset.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.incidentflow.asset.CiStatus;
import org.incidentflow.asset.CiType;
import org.incidentflow.asset.ConfigurationItem;
import org.incidentflow.web.EnumCode;

import io.swagger.v3.oas.annotations.media.Schema;

/** A configuration item as the API receives it (POST and PUT); limits are the column lengths. */
@Schema(name = "ConfigurationItemInput", description = "A configuration item to register or its new state")
public record ConfigurationItemRequest(
		@Schema(description = "Letters, digits, . _ - :, stored in lower case; required on POST, optional on PUT (must then match the path)", example = "vpn-gw-lyon")
		@Size(max = ConfigurationItem.ID_MAX) String id,

		@Schema(example = "VPN gateway Lyon") @NotBlank @Size(max = ConfigurationItem.NAME_MAX) String name,

		@Schema(allowableValues = { "business_service", "application", "server", "virtual_machine", "network_device",
				"database", "storage", "laptop", "desktop", "mobile_device", "printer", "other" }, example = "network_device")
		@NotBlank @EnumCode(CiType.class) String type,

		@Schema(description = "The business service it supports; incidents on the CI are incidents of this service", example = "vpn")
		@NotBlank @Size(max = ConfigurationItem.SERVICE_MAX) String service,

		@Schema(description = "Group that owns and fixes it", example = "network-ops")
		@Size(max = ConfigurationItem.GROUP_MAX) String ownerGroup,

		@Schema(description = "1 (most critical) to 4", example = "1") @NotNull @Min(1) @Max(4) Integer criticality,

		@Schema(example = "Lyon data centre, rack B4") @Size(max = ConfigurationItem.LOCATION_MAX) String location,

		@Schema(description = "Default in_use", allowableValues = { "in_use", "maintenance", "retired" }, example = "in_use")
		@EnumCode(CiStatus.class) String status,

		@Schema(description = "Ids of the CIs it depends on", example = "[\"radius-lyon\"]")
		@Size(max = 100) List<@NotBlank @Size(max = ConfigurationItem.ID_MAX) String> dependsOn,

		@Schema(description = "Ids of the CIs it runs on", example = "[]")
		@Size(max = 100) List<@NotBlank @Size(max = ConfigurationItem.ID_MAX) String> runsOn) {
}
