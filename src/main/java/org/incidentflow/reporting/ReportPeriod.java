package org.incidentflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A report's period: whole days {@code from} to {@code to}, both included, in the reporting time zone
 * ({@code incidentflow.reporting.timezone}). An incident belongs to the period for an event (reported, resolved, ...)
 * when the event's instant lies in [{@link #start()}, {@link #end()}). Immutable; the bounds are computed once
 * because {@link #contains} runs several times per incident.
 */
public final class ReportPeriod {

	/** Longest period a report covers (about five years of days). */
	public static final int MAX_DAYS = 1830;

	private final LocalDate from;
	private final LocalDate to;
	private final ZoneId zone;
	private final Instant start;
	private final Instant end;

	public ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
		this.from = from;
		this.to = to;
		this.zone = zone;
		this.start = from.atStartOfDay(zone).toInstant();
		this.end = to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	public LocalDate from() {
		return from;
	}

	public LocalDate to() {
		return to;
	}

	public ZoneId zone() {
		return zone;
	}

	public Instant start() {
		return start;
	}

	public Instant end() {
		return end;
	}

	public boolean contains(Instant instant) {
		return instant != null && !instant.isBefore(start) && instant.isBefore(end);
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The day (in the reporting time zone) of an instant. */
	public LocalDate dayOf(Instant instant) {
		return instant.atZone(zone).toLocalDate();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ReportPeriod p && from.equals(p.from) && to.equals(p.to) && zone.equals(p.zone);
	}

	@Override
	public int hashCode() {
		return Objects.hash(from, to, zone);
	}

	@Override
	public String toString() {
		return from + ".." + to + " " + zone;
	}

}
