package org.incidentflow.reporting;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every table of the reports page as CSV (RFC 4180, comma, CRLF). Cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) get a leading apostrophe: service and CI names are typed
 * by users.
 */
public final class CsvTables {

	/** The tables, by the name used in the download URL ({@code /reports/export/{name}.csv}). */
	public static final List<String> NAMES = List.of("figures", "groups", "volume", "backlog-priority",
			"backlog-group", "backlog-age", "top-services", "top-configuration-items", "major-incidents");

	private CsvTables() {
	}

	public static Optional<String> csv(String table, KpiReport kpis, VolumeReport volume) {
		List<List<Object>> rows = switch (table) {
			case "figures" -> figures(kpis.figures());
			case "groups" -> groups(kpis);
			case "volume" -> volume(volume);
			case "backlog-priority" -> counts("priority", kpis.backlogNow().byPriority());
			case "backlog-group" -> counts("assignment group", kpis.backlogNow().byAssignmentGroup());
			case "backlog-age" -> counts("age", kpis.backlogNow().byAge());
			case "top-services" -> counts("service", kpis.topServices());
			case "top-configuration-items" -> counts("configuration item", kpis.topConfigurationItems());
			case "major-incidents" -> majorIncidents(kpis.majorIncidents());
			default -> null;
		};
		return Optional.ofNullable(rows).map(CsvTables::write);
	}

	/** The figures in declaration order with their values; {@code null} ones as "not available" or empty. */
	public static Map<String, Object> values(KpiFigures figures) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (RecordComponent component : KpiFigures.class.getRecordComponents()) {
			try {
				values.put(component.getName(), component.getAccessor().invoke(figures));
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
		return values;
	}

	private static List<List<Object>> figures(KpiFigures figures) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("figure", "value"));
		values(figures).forEach((name, value) -> rows.add(java.util.Arrays.asList(name, value)));
		return rows;
	}

	private static List<List<Object>> groups(KpiReport kpis) {
		List<List<Object>> rows = new ArrayList<>();
		List<Object> header = new ArrayList<>();
		header.add(kpis.groupBy() == null ? "group" : kpis.groupBy());
		header.addAll(values(kpis.figures()).keySet());
		rows.add(header);
		for (KpiReport.Group group : kpis.groups()) {
			List<Object> row = new ArrayList<>();
			row.add(group.label());
			row.addAll(values(group.figures()).values());
			rows.add(row);
		}
		return rows;
	}

	private static List<List<Object>> volume(VolumeReport volume) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("start", "end", "opened", "resolved", "closed", "canceled", "backlogGrowth"));
		for (VolumeReport.Bucket b : volume.buckets()) {
			rows.add(List.of(b.start(), b.end(), b.opened(), b.resolved(), b.closed(), b.canceled(), b.backlogGrowth()));
		}
		return rows;
	}

	private static List<List<Object>> counts(String what, List<KpiReport.Count> counts) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of(what, "incidents"));
		counts.forEach(c -> rows.add(List.of(c.label(), c.count())));
		return rows;
	}

	private static List<List<Object>> majorIncidents(KpiReport.MajorIncidents major) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("figure", "value"));
		if (major == null) {
			rows.add(List.of("majorIncidents", "not available"));
			return rows;
		}
		rows.add(List.of("count", major.count()));
		rows.add(List.of("resolved", major.resolved()));
		rows.add(java.util.Arrays.asList("meanDurationMinutes", major.meanDurationMinutes()));
		rows.add(List.of("children", major.children()));
		return rows;
	}

	static String write(List<List<Object>> rows) {
		StringBuilder out = new StringBuilder();
		for (List<Object> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				out.append(cell(row.get(i)));
			}
			out.append("\r\n");
		}
		return out.toString();
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
		if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
