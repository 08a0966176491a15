package org.incidentflow.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The product's counters, one method per thing counted. Callers count what committed: after their transaction
 * ({@link #afterCommit}), so a rolled-back or retried transaction counts nothing, or once. Tag values are closed sets: priorities 1–5 or
 * {@code none}, channel and source codes, SLA targets, outcome codes.
 */
@Component
public class ProductMetrics {

	public static final String INCIDENTS_OPENED = "incidentflow.incidents.opened";
	public static final String INCIDENTS_RESOLVED = "incidentflow.incidents.resolved";
	public static final String SLA_WARNINGS = "incidentflow.sla.warnings";
	public static final String SLA_BREACHES = "incidentflow.sla.breaches";
	public static final String ALERTS_RECEIVED = "incidentflow.alerts.received";
	public static final String ALERTS_DEDUPLICATED = "incidentflow.alerts.deduplicated";
	public static final String ALERTS_ATTACHED = "incidentflow.alerts.attached";
	public static final String MAILS_RECEIVED = "incidentflow.mails.received";
	public static final String MAILS_SKIPPED = "incidentflow.mails.skipped";
	public static final String NOTIFICATIONS_SENT = "incidentflow.notifications.sent";
	public static final String NOTIFICATIONS_FAILED = "incidentflow.notifications.failed";

	private final MeterRegistry registry;

	public ProductMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void incidentOpened(Integer priority, String channel) {
		counter(INCIDENTS_OPENED, "Incidents reported", "priority", priority(priority), "channel", code(channel))
			.increment();
	}

	public void incidentResolved(Integer priority, String channel) {
		counter(INCIDENTS_RESOLVED, "Incidents resolved", "priority", priority(priority), "channel", code(channel))
			.increment();
	}

	/** @param target {@code response} or {@code resolution} */
	public void slaWarning(String target, Integer priority) {
		counter(SLA_WARNINGS, "SLA warnings raised", "target", code(target), "priority", priority(priority))
			.increment();
	}

	/** @param target {@code response} or {@code resolution} */
	public void slaBreach(String target, Integer priority) {
		counter(SLA_BREACHES, "SLA targets breached", "target", code(target), "priority", priority(priority))
			.increment();
	}

	/** One delivery of a monitoring source, after its transaction committed. */
	public void alertsDelivered(String source, int received, int deduplicated, int attached) {
		counter(ALERTS_RECEIVED, "Alerts in deliveries from monitoring", "source", code(source)).increment(received);
		counter(ALERTS_DEDUPLICATED, "Alerts delivered again (repeats, HA duplicates)", "source", code(source))
			.increment(deduplicated);
		counter(ALERTS_ATTACHED, "Alerts attached to an open incident of their group", "source", code(source))
			.increment(attached);
	}

	/** A mail read for the first time; {@code outcome} opened, commented, follow_up or skipped. */
	public void mailReceived(String outcome) {
		counter(MAILS_RECEIVED, "Mails read from the intake mailbox (each Message-ID once)", "outcome", code(outcome))
			.increment();
		if ("skipped".equals(code(outcome))) {
			counter(MAILS_SKIPPED, "Automatic mails skipped (auto-replies, bulk, loops)").increment();
		}
	}

	public void notificationSent() {
		counter(NOTIFICATIONS_SENT, "Notification mails sent from the outbox").increment();
	}

	/** A failed attempt ({@code gaveUp}: the last one, the row is FAILED). */
	public void notificationFailed(boolean gaveUp) {
		counter(NOTIFICATIONS_FAILED, "Failed attempts to send notification mail", "final", Boolean.toString(gaveUp))
			.increment();
	}

	private Counter counter(String name, String description, String... tags) {
		return Counter.builder(name).description(description).tags(tags).register(registry);
	}

	static String priority(Integer priority) {
		return priority == null || priority < 1 || priority > 5 ? "none" : priority.toString();
	}

	static String code(String value) {
		return value == null ? "none" : value.toLowerCase(Locale.ROOT);
	}

	/** Runs after the current transaction committed, at once when there is none. */
	public static void afterCommit(Runnable count) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}

}
