package org.incidentflow.reporting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every figure of the reports, defined once: which incidents count for it (a predicate or a duration below, one
 * each) and how the counts become the figure ({@link Tally#figures()}). docs/reports.md says the same in words; keep
 * both in step. To add a figure: its rule here, a field in {@link KpiFigures}, a paragraph in docs/reports.md.
 * <p>
 * The figures of a population are computed in one pass ({@link Tally}): a year of a service desk is 100,000
 * incidents, and each report computes them once per group.
 */
public final class Figures {

	private Figures() {
	}

	/** The incidents a set of figures is computed on: those of the period (and open ones), possibly one group. */
	public record Population(ReportPeriod period, Instant now, List<IncidentFacts> incidents,
			ReportSources.Available available) {
	}

	public static KpiFigures of(Population p) {
		Tally tally = new Tally(p.period(), p.now(), p.available());
		for (IncidentFacts f : p.incidents()) {
			tally.add(f);
		}
		return tally.figures();
	}

	// ---------------------------------------------------------------------------------------- the rules, one each

	/** Opened: reported in the period. */
	static boolean opened(IncidentFacts f, ReportPeriod period) {
		return period.contains(f.reportedAt());
	}

	/** Resolved: its (last) resolution lies in the period. */
	static boolean resolved(IncidentFacts f, ReportPeriod period) {
		return period.contains(f.resolvedAt());
	}

	/** Closed: closed in the period. */
	static boolean closed(IncidentFacts f, ReportPeriod period) {
		return period.contains(f.closedAt());
	}

	/** Canceled: canceled in the period (including "not an incident" and duplicates). */
	static boolean canceled(IncidentFacts f, ReportPeriod period) {
		return period.contains(f.canceledAt());
	}

	/** Responded (the MTTA population): the first response lies in the period. */
	static boolean responded(IncidentFacts f, ReportPeriod period) {
		return period.contains(f.firstResponseAt());
	}

	/** Backlog: open now (new, in progress, on hold), whenever reported. */
	static boolean inBacklog(IncidentFacts f) {
		return f.inBacklog();
	}

	/** First contact resolution: resolved by the first assigned group, never escalated, reassigned or reopened. */
	static boolean firstContactResolution(IncidentFacts f) {
		return !f.escalated() && !f.reassigned() && f.reopenCount() == 0;
	}

	/** Reopened: the caller rejected a resolution at least once. */
	static boolean reopened(IncidentFacts f) {
		return f.reopenCount() > 0;
	}

	/** Escalated: handed to another support level at least once (functional escalation). */
	static boolean escalated(IncidentFacts f) {
		return f.escalated();
	}

	/** MTTA: reported → first response, wall clock. */
	static long millisToRespond(IncidentFacts f) {
		return f.firstResponseAt().toEpochMilli() - f.reportedAt().toEpochMilli();
	}

	/** MTTR: reported → (last) resolution, wall clock. */
	static long millisToResolve(IncidentFacts f) {
		return f.resolvedAt().toEpochMilli() - f.reportedAt().toEpochMilli();
	}

	/** MTTR without time on hold: minus the sum of the incident's SLA pauses. */
	static long millisToResolveExcludingHold(IncidentFacts f) {
		return millisToResolve(f) - f.pausedMillis();
	}

	// ---------------------------------------------------------------------------------------- counting

	/** The counts and durations of one population, gathered in one pass. */
	static final class Tally {

		private final ReportPeriod period;
		private final Instant now;
		private final ReportSources.Available available;

		long opened, closed, canceled, backlog, backlogResponseBreached, backlogResolutionBreached;
		long resolved, responseWithTarget, responseMissed, resolutionWithTarget, resolutionMissed;
		long firstContactResolved, reopened, escalated, csatResponses, csatSum, knowledgeApplied;
		final Durations toRespond = new Durations();
		final Durations toResolve = new Durations();
		final Durations toResolveExcludingHold = new Durations();

		Tally(ReportPeriod period, Instant now, ReportSources.Available available) {
			this.period = period;
			this.now = now;
			this.available = available;
		}

		void add(IncidentFacts f) {
			if (opened(f, period)) {
				opened++;
			}
			if (closed(f, period)) {
				closed++;
			}
			if (canceled(f, period)) {
				canceled++;
			}
			if (inBacklog(f)) {
				backlog++;
				if (f.responseTargetMissed(now)) {
					backlogResponseBreached++;
				}
				if (f.resolutionTargetMissed(now)) {
					backlogResolutionBreached++;
				}
			}
			if (responded(f, period)) {
				toRespond.add(millisToRespond(f));
			}
			if (!resolved(f, period)) {
				return;
			}
			resolved++;
			toResolve.add(millisToResolve(f));
			toResolveExcludingHold.add(millisToResolveExcludingHold(f));
			if (f.responseDueAt() != null) {
				responseWithTarget++;
				if (f.responseTargetMissed(now)) {
					responseMissed++;
				}
			}
			if (f.resolutionDueAt() != null) {
				resolutionWithTarget++;
				if (f.resolutionTargetMissed(now)) {
					resolutionMissed++;
				}
			}
			if (firstContactResolution(f)) {
				firstContactResolved++;
			}
			if (reopened(f)) {
				reopened++;
			}
			if (escalated(f)) {
				escalated++;
			}
			if (f.csatScore() != null) {
				csatResponses++;
				csatSum += f.csatScore();
			}
			if (Boolean.TRUE.equals(f.knowledgeApplied())) {
				knowledgeApplied++;
			}
		}

		KpiFigures figures() {
			toRespond.sort();
			toResolve.sort();
			toResolveExcludingHold.sort();
			boolean csat = available.satisfaction();
			boolean knowledge = available.knowledge();
			return new KpiFigures(opened, resolved, closed, canceled,
					// backlog growth: what the period added to the backlog
					opened - closed - canceled,
					backlog, backlogResponseBreached, backlogResolutionBreached,
					toRespond.size(), toRespond.meanMinutes(), toRespond.percentileMinutes(0.5),
					toResolve.meanMinutes(), toResolve.percentileMinutes(0.5), toResolve.percentileMinutes(0.9),
					toResolveExcludingHold.meanMinutes(), toResolveExcludingHold.percentileMinutes(0.5),
					toResolveExcludingHold.percentileMinutes(0.9),
					responseMissed, resolutionMissed,
					// SLA met: resolved with a target, minus those that missed it, ÷ resolved with a target
					Stats.percent(responseWithTarget - responseMissed, responseWithTarget),
					Stats.percent(resolutionWithTarget - resolutionMissed, resolutionWithTarget),
					firstContactResolved, Stats.percent(firstContactResolved, resolved),
					reopened, Stats.percent(reopened, resolved),
					escalated, Stats.percent(escalated, resolved),
					// satisfaction: ratings of the resolved incidents; each resolved incident is offered the survey
					csat ? (Long) csatResponses : null,
					csat ? Stats.mean(csatSum, csatResponses) : null,
					csat ? Stats.percent(csatResponses, resolved) : null,
					knowledge ? (Long) knowledgeApplied : null,
					knowledge ? Stats.percent(knowledgeApplied, resolved) : null);
		}

	}

	/** Durations in milliseconds, without boxing. */
	static final class Durations {

		private long[] millis = new long[64];
		private int size;

		void add(long value) {
			if (size == millis.length) {
				millis = Arrays.copyOf(millis, size * 2);
			}
			millis[size++] = value;
		}

		int size() {
			return size;
		}

		void sort() {
			Arrays.sort(millis, 0, size);
		}

		java.math.BigDecimal meanMinutes() {
			return Stats.meanMinutes(millis, size);
		}

		/** Only after {@link #sort()}. */
		java.math.BigDecimal percentileMinutes(double fraction) {
			return Stats.percentileMinutes(millis, size, fraction);
		}

	}

}
