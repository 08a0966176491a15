package org.incidentflow.asset;

import java.util.List;

/**
 * What an outage of one configuration item affects: the CIs that depend on or run on it, directly or through others
 * (nearest first), and the business services of all of them, the CI's own included.
 *
 * @param affected the affected CIs with their distance (1 = a direct relationship to the CI)
 * @param services the affected business services, sorted
 */
public record Impact(ConfigurationItem item, List<Affected> affected, List<String> services) {

	public record Affected(ConfigurationItem item, int distance) {
	}

}
