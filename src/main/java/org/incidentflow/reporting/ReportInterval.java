package org.incidentflow.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** Buckets of a time series: days, or ISO weeks (Monday to Sunday) cut at the period's edges. */
public enum ReportInterval {

	DAY, WEEK;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** First day of the bucket a day falls in, not before the period's first day. */
	public LocalDate bucketStart(LocalDate day, ReportPeriod period) {
		LocalDate start = this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return start.isBefore(period.from()) ? period.from() : start;
	}

	/** Last day of the bucket that starts at {@code start}, not after the period's last day. */
	public LocalDate bucketEnd(LocalDate start, ReportPeriod period) {
		LocalDate end = this == DAY ? start : start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		return end.isAfter(period.to()) ? period.to() : end;
	}

	public static Optional<ReportInterval> fromCode(String code) {
		return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(code.trim())).findFirst();
	}

}
