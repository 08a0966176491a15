package org.incidentflow.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of what the database holds: open incidents by priority and assignment group, notification mail waiting in
 * the outbox or given up. One GROUP BY every {@code incidentflow.metrics.gauge-refresh} (default 30 s), cached in
 * between, so a scrape never queries the database. Every node reports the same values (they come from the shared
 * database): aggregate them with {@code max} across instances, not {@code sum}.
 */
@Component
public class DatabaseGauges {

	public static final String OPEN_INCIDENTS = "incidentflow.incidents.open";
	public static final String OUTBOX_PENDING = "incidentflow.notifications.outbox.pending";
	public static final String OUTBOX_FAILED = "incidentflow.notifications.outbox.failed";

	private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

	private final JdbcTemplate jdbc;
	private final MultiGauge openIncidents;
	private final AtomicLong outboxPending = new AtomicLong();
	private final AtomicLong outboxFailed = new AtomicLong();

	public DatabaseGauges(JdbcTemplate jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.openIncidents = MultiGauge.builder(OPEN_INCIDENTS)
			.description("Open incidents (new, in progress, on hold) in the database, by priority and assignment group")
			.register(registry);
		Gauge.builder(OUTBOX_PENDING, outboxPending, AtomicLong::get)
			.description("Notification mails waiting in the outbox (pending), in the database").register(registry);
		Gauge.builder(OUTBOX_FAILED, outboxFailed, AtomicLong::get)
			.description("Notification mails given up after their last attempt (for an administrator)")
			.register(registry);
	}

	@Scheduled(initialDelayString = "${incidentflow.metrics.gauge-refresh:PT30S}",
			fixedDelayString = "${incidentflow.metrics.gauge-refresh:PT30S}")
	public void scheduledRefresh() {
		try {
			refresh();
		}
		catch (RuntimeException e) {
			// a database hiccup must not end the schedule; the last values stay until the next refresh
			log.warn("Metrics gauges not refreshed: {}", e.getMessage());
		}
	}

	/** Reads the values now (tests call it instead of waiting for the schedule). */
	public void refresh() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		jdbc.query("""
				select priority, assignment_group, count(*) from incident
				where kind = 'INCIDENT' and state in ('NEW', 'IN_PROGRESS', 'ON_HOLD')
				group by priority, assignment_group""", row -> {
			Integer priority = row.getObject(1, Integer.class);
			String group = row.getString(2);
			rows.add(MultiGauge.Row.of(Tags.of("priority", ProductMetrics.priority(priority), "group",
					group == null ? "none" : group), row.getLong(3)));
		});
		openIncidents.register(rows, true);
		Long pending = jdbc.queryForObject("select count(*) from notification_outbox where status = 'PENDING'",
				Long.class);
		Long failed = jdbc.queryForObject("select count(*) from notification_outbox where status = 'FAILED'",
				Long.class);
		outboxPending.set(pending == null ? 0 : pending);
		outboxFailed.set(failed == null ? 0 : failed);
	}

}
