package org.incidentflow.intake.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one delivery did, returned to the monitoring system (for its logs) and to tests.
 *
 * @param incidents numbers of the incidents the delivery touched
 */
public record AlertReceipt(List<String> incidents, int opened, int attached, int repeated, int resolved,
		int unknown) {

	static final class Builder {
		final Set<String> incidents = new LinkedHashSet<>();
		int opened;
		int attached;
		int repeated;
		int resolved;
		int unknown;

		AlertReceipt build() {
			return new AlertReceipt(new ArrayList<>(incidents), opened, attached, repeated, resolved, unknown);
		}
	}

}
