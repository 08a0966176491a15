package org.incidentflow.reporting.page;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.incidentflow.reporting.CsvTables;
import org.incidentflow.reporting.Dimension;
import org.incidentflow.reporting.KpiFigures;
import org.incidentflow.reporting.KpiReport;
import org.incidentflow.reporting.ReportInterval;
import org.incidentflow.reporting.ReportRequest;
import org.incidentflow.reporting.ReportService;
import org.incidentflow.reporting.VolumeReport;
import org.incidentflow.ui.UiPage;
import org.incidentflow.web.InvalidRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page: a period picker, the figures as tiles, charts drawn in the browser by Apache ECharts from the
 * figures embedded as JSON (no second request, no inline script), every table below its chart, and each table as CSV.
 * Who may open it: WebSecurityConfig ({@code AccessGroups.REPORT_VIEWERS}).
 */
@Controller
@UiPage
public class ReportsPage {

	/** Tiles at the top of the page: figure, label, unit. */
	static final List<String[]> TILES = List.of(
			new String[] { "opened", "Opened", "" },
			new String[] { "resolved", "Resolved", "" },
			new String[] { "backlog", "Open now (backlog)", "" },
			new String[] { "backlogGrowth", "Backlog growth", "" },
			new String[] { "mttaMinutes", "MTTA (mean)", "min" },
			new String[] { "mttrMedianMinutes", "MTTR (median)", "min" },
			new String[] { "mttrP90Minutes", "MTTR (p90)", "min" },
			new String[] { "responseSlaMetPercent", "Response SLA met", "%" },
			new String[] { "resolutionSlaMetPercent", "Resolution SLA met", "%" },
			new String[] { "firstContactResolutionPercent", "First contact resolution", "%" },
			new String[] { "reopenRatePercent", "Reopen rate", "%" },
			new String[] { "csatAverage", "Satisfaction (CSAT, 1–5)", "" },
			new String[] { "knowledgeUsePercent", "Resolved with knowledge", "%" });

	/** Columns of the breakdown table: figure, heading. */
	static final List<String[]> GROUP_COLUMNS = List.of(
			new String[] { "opened", "Opened" }, new String[] { "resolved", "Resolved" },
			new String[] { "backlog", "Open now" }, new String[] { "mttaMinutes", "MTTA min" },
			new String[] { "mttrMinutes", "MTTR mean min" }, new String[] { "mttrMedianMinutes", "MTTR median min" },
			new String[] { "mttrExcludingHoldMedianMinutes", "MTTR median w/o hold" },
			new String[] { "responseSlaMetPercent", "Response SLA %" },
			new String[] { "resolutionSlaMetPercent", "Resolution SLA %" },
			new String[] { "firstContactResolutionPercent", "FCR %" },
			new String[] { "reopenRatePercent", "Reopen %" });

	public record Tile(String figure, String label, String value, String unit, boolean available) {
	}

	public record Cell(String value, boolean number) {
	}

	public record Row(String label, List<Cell> cells) {
	}

	private final ReportService reports;
	private final ObjectMapper json;

	public ReportsPage(ReportService reports, ObjectMapper json) {
		this.reports = reports;
		this.json = json;
	}

	@GetMapping("/reports")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String interval,
			@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response)
			throws JsonProcessingException {
		model.addAttribute("dimensions", Dimension.values());
		model.addAttribute("intervals", ReportInterval.values());
		ReportRequest request;
		try {
			request = ReportRequest.parse(from, to, groupBy == null ? "priority" : groupBy, interval,
					filters(parameters), reports);
		}
		catch (InvalidRequestException invalid) {
			Map<String, String> errors = new LinkedHashMap<>();
			invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
			model.addAttribute("errors", errors);
			model.addAttribute("form", Map.of("from", nonNull(from), "to", nonNull(to),
					"groupBy", groupBy == null ? "priority" : groupBy, "interval", interval == null ? "day" : interval));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "reports/reports";
		}
		ReportInterval bucket = interval == null && request.period().days() > 62 ? ReportInterval.WEEK
				: request.interval();
		KpiReport kpis = reports.kpis(request.period(), request.groupBy(), request.filter());
		VolumeReport volume = reports.volume(request.period(), bucket, null, request.filter());
		model.addAttribute("errors", Map.of());
		model.addAttribute("filters", request.filter().values().entrySet().stream()
			.map(e -> e.getKey().label() + ": " + e.getKey().display(e.getValue())).toList());
		model.addAttribute("form", Map.of("from", request.period().from().toString(), "to",
				request.period().to().toString(), "groupBy", request.groupBy().code(), "interval", bucket.code()));
		model.addAttribute("query", "from=" + request.period().from() + "&to=" + request.period().to() + "&groupBy="
				+ request.groupBy().code() + "&interval=" + bucket.code() + request.filter().query());
		model.addAttribute("kpis", kpis);
		model.addAttribute("volume", volume);
		model.addAttribute("groupByLabel", request.groupBy().label());
		model.addAttribute("tiles", tiles(kpis.figures(), kpis.notAvailable()));
		model.addAttribute("groupColumns", GROUP_COLUMNS.stream().map(c -> c[1]).toList());
		model.addAttribute("groupRows", groupRows(kpis));
		model.addAttribute("reportJson", embeddable(json.writeValueAsString(Map.of("kpis", kpis, "volume", volume))));
		return "reports/reports";
	}

	@GetMapping("/reports/export/{table}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
			@RequestParam(required = false) String interval, @RequestParam Map<String, String> parameters) {
		if (!CsvTables.NAMES.contains(table)) {
			throw new InvalidRequestException("table", "must be one of " + String.join(", ", CsvTables.NAMES));
		}
		ReportRequest request = ReportRequest.parse(from, to, groupBy == null ? "priority" : groupBy, interval,
				filters(parameters), reports);
		KpiReport kpis = reports.kpis(request.period(), request.groupBy(), request.filter());
		VolumeReport volume = reports.volume(request.period(), request.interval(), null, request.filter());
		String body = CsvTables.csv(table, kpis, volume).orElseThrow();
		String file = "incident-" + table + "-" + request.period().from() + "-to-" + request.period().to() + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	/** The filter parameters among the request's (named like the dimensions: service=..., priority=...). */
	static Map<String, String> filters(Map<String, String> parameters) {
		Map<String, String> filters = new LinkedHashMap<>();
		for (Dimension dimension : Dimension.values()) {
			String value = parameters.get(dimension.code());
			if (value != null && !value.isBlank()) {
				filters.put(dimension.code(), value);
			}
		}
		return filters;
	}

	static List<Tile> tiles(KpiFigures figures, Map<String, String> notAvailable) {
		Map<String, Object> values = CsvTables.values(figures);
		List<Tile> tiles = new ArrayList<>();
		for (String[] tile : TILES) {
			Object value = values.get(tile[0]);
			boolean available = !notAvailable.containsKey(tile[0]);
			tiles.add(new Tile(tile[0], tile[1], available ? format(value) : "not available", tile[2], available));
		}
		return tiles;
	}

	static List<Row> groupRows(KpiReport kpis) {
		return kpis.groups().stream().map(group -> {
			Map<String, Object> values = CsvTables.values(group.figures());
			List<Cell> cells = Arrays.stream(GROUP_COLUMNS.toArray(String[][]::new))
				.map(c -> new Cell(format(values.get(c[0])), true)).toList();
			return new Row(group.label(), cells);
		}).toList();
	}

	/** "—" for a figure with nothing to compute on. */
	static String format(Object value) {
		if (value == null) {
			return "—";
		}
		return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
	}

	/** JSON inside a {@code <script type="application/json">} element: no "</script>" or "<!--" can end it early. */
	static String embeddable(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

}
