package org.incidentflow.reporting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every figure of the reports, defined once: which incidents count for it (a predicate or a duration below, one
 * each) and how the counts become the figure ({@link Tally#figures()}). docs/reports.md says the same in words; keep
 * both in step. To add a figure: its rule here, a field in {@link KpiFigures}, a paragraph in docs/reports.md.
 * <p>
 * The reports do not run these rules row by row: {@link ReportReader} counts the same rules in the database (one
 * aggregate query per report, a year of a service desk is 100,000 incidents) and fills a {@link Tally} with the
 * counts, sums and the ranks the percentiles need; {@link Tally#figures()} turns either into the figures. The rules
 * here are the executable definition the SQL is tested against ({@code ReportSqlEquivalenceTest}, on H2 and
 * PostgreSQL), and what {@link #of(Population)} computes for a list of facts.
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
		/** Counted by the database: the durations' populations and sums (see {@link Summary}). */
		long respondedCount, respondMillis, resolveMillis, resolveExcludingHoldMillis;
		DurationFigures toRespond = new Durations();
		DurationFigures toResolve = new Durations();
		DurationFigures toResolveExcludingHold = new Durations();

		Tally(ReportPeriod period, Instant now, ReportSources.Available available) {
			this.period = period;
			this.now = now;
			this.available = available;
		}

		/** Counts already made elsewhere (by the database): only {@link #figures()} is used. */
		Tally(ReportSources.Available available) {
			this(null, null, available);
		}

		/** Adds the database's counts of a group to these (the whole is the sum of its groups). */
		void addCounts(Tally t) {
			opened += t.opened;
			closed += t.closed;
			canceled += t.canceled;
			backlog += t.backlog;
			backlogResponseBreached += t.backlogResponseBreached;
			backlogResolutionBreached += t.backlogResolutionBreached;
			resolved += t.resolved;
			responseWithTarget += t.responseWithTarget;
			responseMissed += t.responseMissed;
			resolutionWithTarget += t.resolutionWithTarget;
			resolutionMissed += t.resolutionMissed;
			firstContactResolved += t.firstContactResolved;
			reopened += t.reopened;
			escalated += t.escalated;
			csatResponses += t.csatResponses;
			csatSum += t.csatSum;
			knowledgeApplied += t.knowledgeApplied;
			respondedCount += t.respondedCount;
			respondMillis += t.respondMillis;
			resolveMillis += t.resolveMillis;
			resolveExcludingHoldMillis += t.resolveExcludingHoldMillis;
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
				((Durations) toRespond).add(millisToRespond(f));
			}
			if (!resolved(f, period)) {
				return;
			}
			resolved++;
			((Durations) toResolve).add(millisToResolve(f));
			((Durations) toResolveExcludingHold).add(millisToResolveExcludingHold(f));
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

	/** What the figures need of a set of durations: how many, their mean and percentiles. */
	interface DurationFigures {

		long size();

		java.math.BigDecimal meanMinutes();

		java.math.BigDecimal percentileMinutes(double fraction);

	}

	/** Durations in milliseconds, without boxing, gathered one by one. */
	static final class Durations implements DurationFigures {

		private long[] millis = new long[64];
		private int size;
		private boolean sorted = true;

		void add(long value) {
			if (size == millis.length) {
				millis = Arrays.copyOf(millis, size * 2);
			}
			millis[size++] = value;
			sorted = false;
		}

		@Override
		public long size() {
			return size;
		}

		@Override
		public java.math.BigDecimal meanMinutes() {
			return Stats.meanMinutes(millis, size);
		}

		@Override
		public java.math.BigDecimal percentileMinutes(double fraction) {
			if (!sorted) {
				Arrays.sort(millis, 0, size);
				sorted = true;
			}
			return Stats.percentileMinutes(millis, size, fraction);
		}

	}

	/**
	 * Durations summarised by the database: how many, their sum, and their percentiles ({@link Percentiles}); the
	 * same arithmetic as {@link Durations} on the same values.
	 */
	static final class Summary implements DurationFigures {

		private final long size;
		private final long totalMillis;
		private final Percentiles percentiles;

		Summary(long size, long totalMillis, Percentiles percentiles) {
			this.size = size;
			this.totalMillis = totalMillis;
			this.percentiles = percentiles;
		}

		@Override
		public long size() {
			return size;
		}

		@Override
		public java.math.BigDecimal meanMinutes() {
			return Stats.meanMinutes(totalMillis, size);
		}

		@Override
		public java.math.BigDecimal percentileMinutes(double fraction) {
			return size == 0 ? null : percentiles.minutes(size, fraction);
		}

	}

	/**
	 * What the database handed over for the percentiles of one population: either the values at the ranks
	 * {@link Stats#ranks} names (Java interpolates), or the interpolated values themselves (PostgreSQL's
	 * {@code percentile_cont}, which computes exactly as {@link Stats#percentileMinutes} does).
	 */
	interface Percentiles {

		java.math.BigDecimal minutes(long size, double fraction);

		static Percentiles atRanks(java.util.Map<Long, Long> valueAtRank) {
			return (size, fraction) -> Stats.percentileMinutes(size, rank -> {
				Long value = valueAtRank.get(rank);
				if (value == null) {
					throw new IllegalStateException("rank " + rank + " of " + size + " was not read");
				}
				return value;
			}, fraction);
		}

		/** {@code millis[i]} is the percentile at {@code fractions[i]}; {@code millis} null for no values. */
		static Percentiles interpolated(double[] fractions, Double[] millis) {
			return (size, fraction) -> {
				for (int i = 0; i < fractions.length; i++) {
					if (fractions[i] == fraction && millis != null && millis[i] != null) {
						return Stats.minutes(millis[i]);
					}
				}
				throw new IllegalStateException("percentile " + fraction + " of " + size + " was not read");
			};
		}

	}

}
