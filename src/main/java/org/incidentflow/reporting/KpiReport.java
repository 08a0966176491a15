package org.incidentflow.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** The figures of a period, optionally broken down, with the backlog now and the recurring services and CIs. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "KpiReport")
public record KpiReport(
		@Schema(description = "First day of the period (included)", example = "2026-11-01") LocalDate from,
		@Schema(description = "Last day of the period (included)", example = "2026-11-30") LocalDate to,
		@Schema(description = "Time zone the days are counted in", example = "Europe/Berlin") String timezone,
		@Schema(description = "When the report was computed: 'now' for the backlog and its ages") Instant generatedAt,
		@Schema(description = "The dimension of groups, null without groupBy", example = "priority") String groupBy,
		@Schema(description = "Figures of the whole period") KpiFigures figures,
		@Schema(description = "The same figures per value of groupBy (empty without it)") List<Group> groups,
		@Schema(description = "Open incidents now, by priority, assignment group and age") Backlog backlogNow,
		@Schema(description = "Top 10 services by incidents reported in the period") List<Count> topServices,
		@Schema(description = "Top 10 configuration items by incidents reported in the period") List<Count> topConfigurationItems,
		@Schema(description = "Major incidents reported in the period; null without the major-incident feature") MajorIncidents majorIncidents,
		@Schema(description = "Figures that are null because the feature they need is not installed, with the reason") Map<String, String> notAvailable) {

	@JsonInclude(JsonInclude.Include.ALWAYS)
	@Schema(name = "KpiGroup")
	public record Group(@Schema(description = "The value (null: not set)", example = "2") String key,
			@Schema(example = "P2") String label, KpiFigures figures) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	@Schema(name = "ReportCount")
	public record Count(@Schema(description = "The value (null: not set)") String key, String label, long count) {
	}

	@Schema(name = "Backlog")
	public record Backlog(long total, List<Count> byPriority, List<Count> byAssignmentGroup,
			@Schema(description = "Age since reported: lt1d, 1to3d, 3to7d, 7to30d, gt30d") List<Count> byAge) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	@Schema(name = "MajorIncidents")
	public record MajorIncidents(@Schema(description = "Major incidents reported in the period") long count,
			@Schema(description = "Of them, resolved") long resolved,
			@Schema(description = "Mean reported → resolved of the resolved ones, minutes") BigDecimal meanDurationMinutes,
			@Schema(description = "Incidents linked to them as children") long children) {
	}

}
