package org.incidentflow.reporting;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The figures of one period (or of one group of it). Definitions: {@link Figures} and docs/reports.md. A figure that
 * cannot be computed (nothing resolved in the period, a feature not installed) is {@code null}, never zero.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "KpiFigures", description = "Figures of a period; null where there is nothing to compute them on or the feature they need is not installed (see notAvailable)")
public record KpiFigures(
		@Schema(description = "Incidents reported in the period") long opened,
		@Schema(description = "Incidents resolved in the period (their last resolution)") long resolved,
		@Schema(description = "Incidents closed in the period") long closed,
		@Schema(description = "Incidents canceled in the period") long canceled,
		@Schema(description = "opened − closed − canceled") long backlogGrowth,
		@Schema(description = "Open incidents now (new, in progress, on hold)") long backlog,
		@Schema(description = "Open incidents now whose response target is missed") long backlogResponseBreached,
		@Schema(description = "Open incidents now whose resolution target is missed") long backlogResolutionBreached,
		@Schema(description = "Incidents first responded to in the period (MTTA population)") long responded,
		@Schema(description = "Mean time to acknowledge: reported → first response, minutes") BigDecimal mttaMinutes,
		@Schema(description = "Median reported → first response, minutes") BigDecimal mttaMedianMinutes,
		@Schema(description = "Mean time to resolve: reported → resolved, minutes, wall clock") BigDecimal mttrMinutes,
		@Schema(description = "Median reported → resolved, minutes") BigDecimal mttrMedianMinutes,
		@Schema(description = "90th percentile reported → resolved, minutes") BigDecimal mttrP90Minutes,
		@Schema(description = "Mean reported → resolved without time on hold, minutes") BigDecimal mttrExcludingHoldMinutes,
		@Schema(description = "Median without time on hold, minutes") BigDecimal mttrExcludingHoldMedianMinutes,
		@Schema(description = "90th percentile without time on hold, minutes") BigDecimal mttrExcludingHoldP90Minutes,
		@Schema(description = "Resolved incidents whose response target was missed") long responseSlaMissed,
		@Schema(description = "Resolved incidents whose resolution target was missed") long resolutionSlaMissed,
		@Schema(description = "% of resolved incidents whose response target was met") BigDecimal responseSlaMetPercent,
		@Schema(description = "% of resolved incidents whose resolution target was met") BigDecimal resolutionSlaMetPercent,
		@Schema(description = "Resolved by the first assigned group, never escalated, reassigned or reopened") long firstContactResolved,
		@Schema(description = "firstContactResolved ÷ resolved, %") BigDecimal firstContactResolutionPercent,
		@Schema(description = "Resolved incidents that were reopened at least once") long reopened,
		@Schema(description = "reopened ÷ resolved, %") BigDecimal reopenRatePercent,
		@Schema(description = "Resolved incidents that were functionally escalated") long escalated,
		@Schema(description = "escalated ÷ resolved, %") BigDecimal escalationRatePercent,
		@Schema(description = "Ratings (1–5) of incidents resolved in the period; null without the portal's survey") Long csatResponses,
		@Schema(description = "Mean rating 1–5; null without survey or ratings") BigDecimal csatAverage,
		@Schema(description = "csatResponses ÷ resolved, %; null without the survey") BigDecimal csatResponseRatePercent,
		@Schema(description = "Resolved incidents with an applied known error or article; null without the knowledge base") Long knowledgeApplied,
		@Schema(description = "knowledgeApplied ÷ resolved, %; null without the knowledge base") BigDecimal knowledgeUsePercent) {
}
