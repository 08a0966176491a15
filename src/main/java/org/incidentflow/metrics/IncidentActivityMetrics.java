package org.incidentflow.metrics;

import org.incidentflow.incident.ActivityRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts lifecycle events of the activity log ({@link ActivityRecorded}): reported, resolved, SLA warning and
 * breach. The priority is read when the transaction commits, so an incident reported and prioritised in one
 * transaction counts under its priority.
 */
@Component
public class IncidentActivityMetrics {

	private final ProductMetrics metrics;

	public IncidentActivityMetrics(ProductMetrics metrics) {
		this.metrics = metrics;
	}

	@EventListener
	public void onActivity(ActivityRecorded entry) {
		Runnable count = switch (entry.event()) {
			case "REPORTED" -> () -> metrics.incidentOpened(entry.incident().getPriority(), channel(entry));
			case "RESOLVED" -> () -> metrics.incidentResolved(entry.incident().getPriority(), channel(entry));
			case "SLA_WARNING" -> () -> metrics.slaWarning(target(entry.detail()), entry.incident().getPriority());
			case "SLA_BREACHED" -> () -> metrics.slaBreach(target(entry.detail()), entry.incident().getPriority());
			default -> null;
		};
		if (count != null) {
			ProductMetrics.afterCommit(count);
		}
	}

	private static String channel(ActivityRecorded entry) {
		return entry.incident().getChannel() == null ? null : entry.incident().getChannel().code();
	}

	/** SlaEscalation starts the detail with the target's label ("Response target ...", "Resolution target ..."). */
	static String target(String detail) {
		if (detail == null) {
			return "unknown";
		}
		return detail.startsWith("Response") ? "response" : detail.startsWith("Resolution") ? "resolution" : "unknown";
	}

}
