package org.incidentflow.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every figure of the reports, defined once: one method each, over a {@link Population} (the incidents of a period,
 * or of one group of it). docs/reports.md says the same in words; keep both in step. To add a figure, add a method
 * here, a field to {@link KpiFigures}, a line to {@link #of(Population)} and a paragraph to docs/reports.md.
 */
public final class Figures {

	private Figures() {
	}

	/** The incidents a set of figures is computed on: those of the period (and open ones), possibly one group. */
	public record Population(ReportPeriod period, Instant now, List<IncidentFacts> incidents,
			ReportSources.Available available) {

		List<IncidentFacts> resolved() {
			return incidents.stream().filter(f -> period.contains(f.resolvedAt())).toList();
		}

		long count(Predicate<IncidentFacts> condition) {
			return incidents.stream().filter(condition).count();
		}

	}

	public static KpiFigures of(Population p) {
		List<IncidentFacts> resolved = p.resolved();
		long resolvedCount = resolved.size();
		long fcr = firstContactResolved(resolved);
		long reopened = reopened(resolved);
		long escalated = escalated(resolved);
		Long csatResponses = csatResponses(p, resolved);
		Long knowledge = knowledgeApplied(p, resolved);
		List<Duration> toRespond = timesToRespond(p);
		List<Duration> toResolve = resolved.stream().map(IncidentFacts::timeToResolve).toList();
		List<Duration> toResolveExcludingHold = resolved.stream().map(IncidentFacts::timeToResolveExcludingHold)
			.toList();
		long responseMissed = resolved.stream().filter(f -> f.responseDueAt() != null
				&& f.responseTargetMissed(p.now())).count();
		long resolutionMissed = resolved.stream().filter(f -> f.resolutionDueAt() != null
				&& f.resolutionTargetMissed(p.now())).count();
		return new KpiFigures(opened(p), resolvedCount, closed(p), canceled(p), backlogGrowth(p), backlog(p),
				p.count(f -> f.inBacklog() && f.responseTargetMissed(p.now())),
				p.count(f -> f.inBacklog() && f.resolutionTargetMissed(p.now())),
				toRespond.size(), Stats.meanMinutes(toRespond), Stats.percentileMinutes(toRespond, 0.5),
				Stats.meanMinutes(toResolve), Stats.percentileMinutes(toResolve, 0.5),
				Stats.percentileMinutes(toResolve, 0.9),
				Stats.meanMinutes(toResolveExcludingHold), Stats.percentileMinutes(toResolveExcludingHold, 0.5),
				Stats.percentileMinutes(toResolveExcludingHold, 0.9),
				responseMissed, resolutionMissed,
				slaMetPercent(resolved, IncidentFacts::responseDueAt, responseMissed),
				slaMetPercent(resolved, IncidentFacts::resolutionDueAt, resolutionMissed),
				fcr, Stats.percent(fcr, resolvedCount), reopened, Stats.percent(reopened, resolvedCount),
				escalated, Stats.percent(escalated, resolvedCount),
				csatResponses, csatAverage(p, resolved),
				csatResponses == null ? null : Stats.percent(csatResponses, resolvedCount),
				knowledge, knowledge == null ? null : Stats.percent(knowledge, resolvedCount));
	}

	/** Opened: reported in the period. */
	static long opened(Population p) {
		return p.count(f -> p.period().contains(f.reportedAt()));
	}

	/** Closed: closed in the period. */
	static long closed(Population p) {
		return p.count(f -> p.period().contains(f.closedAt()));
	}

	/** Canceled: canceled in the period (including "not an incident" and duplicates). */
	static long canceled(Population p) {
		return p.count(f -> p.period().contains(f.canceledAt()));
	}

	/** Backlog growth: opened − closed − canceled; positive means the backlog grew. */
	static long backlogGrowth(Population p) {
		return opened(p) - closed(p) - canceled(p);
	}

	/** Backlog: open now (new, in progress, on hold), whenever reported. */
	static long backlog(Population p) {
		return p.count(IncidentFacts::inBacklog);
	}

	/** MTTA population: incidents whose first response lies in the period; reported → first response. */
	static List<Duration> timesToRespond(Population p) {
		return p.incidents().stream().filter(f -> p.period().contains(f.firstResponseAt()))
			.map(IncidentFacts::timeToRespond).toList();
	}

	/** SLA met: resolved incidents with a target, minus those that missed it, ÷ resolved incidents with a target. */
	static BigDecimal slaMetPercent(List<IncidentFacts> resolved,
			java.util.function.Function<IncidentFacts, Instant> due, long missed) {
		long withTarget = resolved.stream().map(due).filter(Objects::nonNull).count();
		return Stats.percent(withTarget - missed, withTarget);
	}

	/** First contact resolution: resolved by the first assigned group, never escalated, reassigned or reopened. */
	static long firstContactResolved(List<IncidentFacts> resolved) {
		return resolved.stream().filter(f -> !f.escalated() && !f.reassigned() && f.reopenCount() == 0).count();
	}

	/** Reopened: resolved incidents whose resolution the caller rejected at least once. */
	static long reopened(List<IncidentFacts> resolved) {
		return resolved.stream().filter(f -> f.reopenCount() > 0).count();
	}

	/** Escalated: resolved incidents handed to another support level at least once (functional escalation). */
	static long escalated(List<IncidentFacts> resolved) {
		return resolved.stream().filter(IncidentFacts::escalated).count();
	}

	/** Satisfaction responses: resolved incidents the caller rated; {@code null} without the portal's survey. */
	static Long csatResponses(Population p, List<IncidentFacts> resolved) {
		if (!p.available().satisfaction()) {
			return null;
		}
		return resolved.stream().filter(f -> f.csatScore() != null).count();
	}

	/** Average satisfaction: mean rating (1–5) of the rated resolved incidents. */
	static BigDecimal csatAverage(Population p, List<IncidentFacts> resolved) {
		if (!p.available().satisfaction()) {
			return null;
		}
		return Stats.mean(resolved.stream().map(IncidentFacts::csatScore).filter(Objects::nonNull).toList());
	}

	/** Knowledge use: resolved incidents with an applied known error or article; {@code null} without knowledge. */
	static Long knowledgeApplied(Population p, List<IncidentFacts> resolved) {
		if (!p.available().knowledge()) {
			return null;
		}
		return resolved.stream().filter(f -> Boolean.TRUE.equals(f.knowledgeApplied())).count();
	}

}
