package org.incidentflow.reporting;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** Opened, resolved, closed and canceled incidents per day or week of a period, optionally per group. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "VolumeReport")
public record VolumeReport(LocalDate from, LocalDate to, String timezone,
		@Schema(description = "day or week (ISO weeks, Monday to Sunday, cut at the period's edges)") String interval,
		@Schema(description = "The dimension of groups, null without groupBy") String groupBy,
		@Schema(description = "Every bucket of the period, empty ones included") List<Bucket> buckets,
		@Schema(description = "The same series per value of groupBy (empty without it)") List<Series> groups) {

	@Schema(name = "VolumeBucket")
	public record Bucket(@Schema(description = "First day (included)") LocalDate start,
			@Schema(description = "Last day (included)") LocalDate end, long opened, long resolved, long closed,
			long canceled, @Schema(description = "opened − closed − canceled") long backlogGrowth) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	@Schema(name = "VolumeSeries")
	public record Series(String key, String label, List<Bucket> buckets) {
	}

}
