package org.incidentflow.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.incidentflow.incident.Channel;

import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;

/**
 * The parameters of a report as given by a caller (API or page), checked: ISO dates, {@code from} ≤ {@code to}, at
 * most {@link ReportPeriod#MAX_DAYS} days, a known {@code groupBy} and {@code interval}. Without dates the period is
 * the last 30 days up to today. Optional filters narrow it to one value of a dimension. Every bad value is named in one {@link InvalidRequestException}.
 */
public record ReportRequest(ReportPeriod period, Dimension groupBy, ReportInterval interval, ReportFilter filter) {

	public static final int DEFAULT_DAYS = 30;

	public static ReportRequest parse(String from, String to, String groupBy, String interval, ReportService reports) {
		return parse(from, to, groupBy, interval, Map.of(), reports);
	}

	/** @param filters filter values by dimension code ({@code service}, ...); blank values are ignored */
	public static ReportRequest parse(String from, String to, String groupBy, String interval,
			Map<String, String> filters, ReportService reports) {
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
		Map<Dimension, String> filterValues = new EnumMap<>(Dimension.class);
		filters.forEach((code, value) -> {
			if (blank(value)) {
				return;
			}
			Dimension filtered = Dimension.fromCode(code).orElseThrow(
					() -> new IllegalArgumentException("Unknown filter " + code));
			String trimmed = value.trim();
			if (filtered == Dimension.PRIORITY && !trimmed.matches("[1-5]")) {
				problems.add(new FieldProblem(code, "must be a priority from 1 to 5"));
			}
			else if (filtered == Dimension.CHANNEL && Arrays.stream(Channel.values())
				.noneMatch(c -> c.code().equalsIgnoreCase(trimmed))) {
				problems.add(new FieldProblem(code, "must be one of " + String.join(", ",
						Arrays.stream(Channel.values()).map(Channel::code).toList())));
			}
			else if (trimmed.length() > 200) {
				problems.add(new FieldProblem(code, "must be at most 200 characters"));
			}
			filterValues.put(filtered, trimmed);
		});
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return new ReportRequest(reports.period(start, end), dimension, bucket, new ReportFilter(filterValues));
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
