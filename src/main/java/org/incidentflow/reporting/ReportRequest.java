package org.incidentflow.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;

/**
 * The parameters of a report as given by a caller (API or page), checked: ISO dates, {@code from} ≤ {@code to}, at
 * most {@link ReportPeriod#MAX_DAYS} days, a known {@code groupBy} and {@code interval}. Without dates the period is
 * the last 30 days up to today. Every bad value is named in one {@link InvalidRequestException}.
 */
public record ReportRequest(ReportPeriod period, Dimension groupBy, ReportInterval interval) {

	public static final int DEFAULT_DAYS = 30;

	public static ReportRequest parse(String from, String to, String groupBy, String interval, ReportService reports) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = reports.today();
		LocalDate end = date("to", to, problems);
		LocalDate start = date("from", from, problems);
		if (end == null && blank(to)) {
			end = start != null ? start.plusDays(DEFAULT_DAYS - 1) : today;
		}
		if (start == null && blank(from) && end != null) {
			start = end.minusDays(DEFAULT_DAYS - 1);
		}
		if (start != null && end != null) {
			if (start.isAfter(end)) {
				problems.add(new FieldProblem("from", "must not be after to (" + end + ")"));
			}
			else if (java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1 > ReportPeriod.MAX_DAYS) {
				problems.add(new FieldProblem("to", "the period may cover at most " + ReportPeriod.MAX_DAYS + " days"));
			}
		}
		Dimension dimension = null;
		if (!blank(groupBy)) {
			dimension = Dimension.fromCode(groupBy).orElse(null);
			if (dimension == null) {
				problems.add(new FieldProblem("groupBy", "must be one of " + Dimension.codes()));
			}
		}
		ReportInterval bucket = ReportInterval.DAY;
		if (!blank(interval)) {
			bucket = ReportInterval.fromCode(interval).orElse(null);
			if (bucket == null) {
				problems.add(new FieldProblem("interval", "must be day or week"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new ReportRequest(reports.period(start, end), dimension, bucket);
	}

	private static LocalDate date(String field, String value, List<FieldProblem> problems) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "must be an ISO date (yyyy-MM-dd)"));
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
