package org.incidentflow.reporting.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.incidentflow.reporting.KpiReport;
import org.incidentflow.reporting.ReportRequest;
import org.incidentflow.reporting.ReportService;
import org.incidentflow.reporting.VolumeReport;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The reports' figures as JSON, for incident managers, process owners and administrators (WebSecurityConfig). Each
 * figure is defined in docs/reports.md.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "Service desk figures of a period: volume, backlog, MTTA, MTTR, SLA, first contact resolution, reopen rate (definitions in docs/reports.md)")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad parameter",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Only incident-managers, process-owners and camunda-admin",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ReportController {

	private final ReportService reports;

	public ReportController(ReportService reports) {
		this.reports = reports;
	}

	@GetMapping("/kpis")
	@Operation(summary = "Figures of a period",
			description = "Opened, resolved, closed, canceled, backlog (now), MTTA, MTTR (mean, median, p90, with and without time on hold), SLA met %, first contact resolution %, reopen rate %, escalation rate, satisfaction and knowledge use where those features exist, the backlog by priority, group and age, the top 10 services and configuration items. With groupBy the same figures per value. Days are counted in the reporting time zone.")
	@ApiResponse(responseCode = "200", description = "The figures")
	public KpiReport kpis(
			@Parameter(description = "First day (ISO date, included); default: 29 days before to", example = "2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "Last day (ISO date, included, not before from, at most 1830 days after it); default: today", example = "2026-11-30") @RequestParam(required = false) String to,
			@Parameter(description = "Break down by priority, service, configurationItem, category, assignmentGroup or channel", example = "priority") @RequestParam(required = false) String groupBy,
			@Parameter(description = "Only incidents of this priority (1–5)") @RequestParam(required = false) String priority,
			@Parameter(description = "Only incidents of this service") @RequestParam(required = false) String service,
			@Parameter(description = "Only incidents of this configuration item") @RequestParam(required = false) String configurationItem,
			@Parameter(description = "Only incidents of this category") @RequestParam(required = false) String category,
			@Parameter(description = "Only incidents of this assignment group") @RequestParam(required = false) String assignmentGroup,
			@Parameter(description = "Only incidents of this channel (portal, email, phone, chat, monitoring)") @RequestParam(required = false) String channel) {
		ReportRequest request = ReportRequest.parse(from, to, groupBy, null,
				filters(priority, service, configurationItem, category, assignmentGroup, channel), reports);
		return reports.kpis(request.period(), request.groupBy(), request.filter());
	}

	@GetMapping("/volume")
	@Operation(summary = "Opened, resolved, closed and canceled per day or week",
			description = "Every day or ISO week (Monday to Sunday, cut at the period's edges) of the period, empty ones included; with groupBy also one series per value.")
	@ApiResponse(responseCode = "200", description = "The time series")
	public VolumeReport volume(
			@Parameter(description = "First day (ISO date, included)", example = "2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "Last day (ISO date, included)", example = "2026-11-30") @RequestParam(required = false) String to,
			@Parameter(description = "day (default) or week") @RequestParam(required = false) String interval,
			@Parameter(description = "Break down by priority, service, configurationItem, category, assignmentGroup or channel") @RequestParam(required = false) String groupBy,
			@Parameter(description = "Only incidents of this priority (1–5)") @RequestParam(required = false) String priority,
			@Parameter(description = "Only incidents of this service") @RequestParam(required = false) String service,
			@Parameter(description = "Only incidents of this configuration item") @RequestParam(required = false) String configurationItem,
			@Parameter(description = "Only incidents of this category") @RequestParam(required = false) String category,
			@Parameter(description = "Only incidents of this assignment group") @RequestParam(required = false) String assignmentGroup,
			@Parameter(description = "Only incidents of this channel") @RequestParam(required = false) String channel) {
		ReportRequest request = ReportRequest.parse(from, to, groupBy, interval,
				filters(priority, service, configurationItem, category, assignmentGroup, channel), reports);
		return reports.volume(request.period(), request.interval(), request.groupBy(), request.filter());
	}

	static Map<String, String> filters(String priority, String service, String configurationItem, String category,
			String assignmentGroup, String channel) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("priority", priority);
		filters.put("service", service);
		filters.put("configurationItem", configurationItem);
		filters.put("category", category);
		filters.put("assignmentGroup", assignmentGroup);
		filters.put("channel", channel);
		return filters;
	}

}
