package org.incidentflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A report's period: whole days {@code from} to {@code to}, both included, in the reporting time zone
 * ({@code incidentflow.reporting.timezone}). An incident belongs to the period for an event (reported, resolved, ...)
 * when the event's instant lies in [{@link #start()}, {@link #end()}).
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

	/** Longest period a report covers (about five years of days). */
	public static final int MAX_DAYS = 1830;

	public ReportPeriod {
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}

	public Instant start() {
		return from.atStartOfDay(zone).toInstant();
	}

	public Instant end() {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	public boolean contains(Instant instant) {
		return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The day (in the reporting time zone) of an instant. */
	public LocalDate dayOf(Instant instant) {
		return instant.atZone(zone).toLocalDate();
	}

}
