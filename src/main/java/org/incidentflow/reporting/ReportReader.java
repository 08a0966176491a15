package org.incidentflow.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only SQL of the reports, read-only. Records of kind {@code SERVICE_REQUEST} (triage handed them to request
 * fulfilment) are not incidents and are left out.
 * <p>
 * The reports let the database count: {@link #kpis} is one aggregate query per report (the rules of {@link Figures}
 * as {@code sum(case ...)} per group) and one window query for the ranks the medians and 90th percentiles
 * interpolate between; {@link #volume} counts per day and group. What crosses into the JVM is a row per group (or per
 * group and day), not a row per incident: a year of a service desk is 100,000 incidents. Only the open incidents
 * (the backlog) and major incidents are read row by row. {@link #read} is the row-by-row reader the aggregate queries
 * are tested against. Portable between PostgreSQL and H2; the two expressions spelled differently (milliseconds
 * between two instants, the local day of an instant) are chosen once by {@link ReportSources#postgres()}.
 */
@Component
public class ReportReader {

	/** Everything loaded for one period, at one moment. */
	public record PeriodData(ReportPeriod period, Instant now, List<IncidentFacts> incidents,
			ReportSources.Available available, Map<Long, Integer> childrenOfMajor) {
	}

	private static final String COLUMNS = """
			i.id, i.priority, i.service, i.configuration_item, i.category, i.assignment_group, i.channel, i.state,
			i.reported_at, i.first_response_at, i.resolved_at, i.closed_at, i.response_due_at, i.resolution_due_at,
			i.paused_millis, i.response_breached, i.resolution_breached, i.reopen_count,
			case when i.escalation_chain is null then 0 else 1 end as escalated, i.parent_id""";

	private static final int COLUMN_COUNT = 20;

	private static final String IN_PERIOD = """
			(i.reported_at >= :start and i.reported_at < :end)
			or (i.first_response_at >= :start and i.first_response_at < :end)
			or (i.resolved_at >= :start and i.resolved_at < :end)
			or (i.closed_at >= :start and i.closed_at < :end)
			or i.id in (select a.incident_id from incident_activity a
			            where a.event = 'CANCELED' and a.at >= :start and a.at < :end)""";

	private static final String OPEN_NOW = "i.state in ('NEW', 'IN_PROGRESS', 'ON_HOLD')";

	private final NamedParameterJdbcTemplate jdbc;
	private final ReportSources sources;

	public ReportReader(NamedParameterJdbcTemplate jdbc, ReportSources sources) {
		this.jdbc = jdbc;
		this.sources = sources;
	}

	/**
	 * Row by row, the reference the aggregate queries are tested against: the facts of the incidents reported,
	 * first responded to, resolved, closed or canceled in the period and, with {@code forKpis}, every incident open
	 * now and what the quality figures need (reassignments, knowledge use). Without it (volume), only the moments.
	 */
	@Transactional(readOnly = true)
	public PeriodData read(ReportPeriod period, Instant now, boolean forKpis) {
		ReportSources.Available available = sources.available();
		MapSqlParameterSource params = params(period, ReportFilter.NONE);
		Map<Long, Instant> canceled = new HashMap<>();
		jdbc.query("""
				select a.incident_id, max(a.at) as at from incident_activity a
				where a.event = 'CANCELED' and a.at >= :start and a.at < :end group by a.incident_id""", params,
				row -> {
					canceled.put(row.getLong(1), instant(row, 2));
				});
		Set<Long> reassigned = forKpis ? idsResolvedInPeriodWith("""
				a.field = 'assignmentGroup' and a.old_value is not null""", params) : Set.of();
		Set<Long> knowledge = forKpis && available.knowledge()
				? idsResolvedInPeriodWith("a.event = '" + ReportSources.KNOWLEDGE_APPLIED + "'", params)
				: Set.of();
		List<IncidentFacts> incidents = facts(period, available,
				"(" + IN_PERIOD + (forKpis ? " or " + OPEN_NOW : "") + ")", ReportFilter.NONE, reassigned, knowledge,
				canceled);
		return new PeriodData(period, now, incidents, available,
				available.majorIncidents() ? childrenOfMajor(incidents) : Map.of());
	}

	/** The facts of the incidents matching the condition (on {@code incident i}), one object per row. */
	private List<IncidentFacts> facts(ReportPeriod period, ReportSources.Available available, String condition,
			ReportFilter filter, Set<Long> reassigned, Set<Long> knowledge, Map<Long, Instant> canceled) {
		MapSqlParameterSource params = params(period, filter);
		String optional = (available.satisfaction() ? ", i." + ReportSources.CSAT_SCORE_COLUMN : "")
				+ (available.majorIncidents() ? ", i." + ReportSources.MAJOR_COLUMN : "");
		String sql = "select " + COLUMNS + optional + " from incident i where i.kind = 'INCIDENT' and " + condition;
		List<IncidentFacts> incidents = new ArrayList<>();
		int csatColumn = COLUMN_COUNT + 1;
		int majorColumn = COLUMN_COUNT + (available.satisfaction() ? 2 : 1);
		jdbc.query(sql, params, row -> {
			// by position, in the order of COLUMNS
			long id = row.getLong(1);
			Instant resolvedAt = instant(row, 11);
			boolean resolvedInPeriod = period.contains(resolvedAt);
			int priority = row.getInt(2);
			Integer priorityOrNull = row.wasNull() ? null : priority;
			long parent = row.getLong(20);
			Long parentOrNull = row.wasNull() ? null : parent;
			Integer csat = null;
			if (available.satisfaction()) {
				int score = row.getInt(csatColumn);
				csat = row.wasNull() ? null : score;
			}
			incidents.add(new IncidentFacts(id, priorityOrNull, row.getString(3), row.getString(4), row.getString(5),
					row.getString(6), lower(row.getString(7)), lower(row.getString(8)), instant(row, 9),
					instant(row, 10), resolvedAt, instant(row, 12), instant(row, 13), instant(row, 14), row.getLong(15),
					row.getBoolean(16), row.getBoolean(17), row.getInt(18), row.getInt(19) == 1, parentOrNull,
					resolvedInPeriod && reassigned.contains(id), canceled.get(id),
					available.knowledge() ? (Boolean) (resolvedInPeriod && knowledge.contains(id)) : null, csat,
					available.majorIncidents() ? (Boolean) row.getBoolean(majorColumn) : null));
		});
		return incidents;
	}

	/** The database is PostgreSQL (else H2). */
	public boolean postgres() {
		return sources.postgres();
	}

	/** Which figures of other features this database can compute. */
	public ReportSources.Available available() {
		return sources.available();
	}

	/** Ids of incidents resolved in the period with at least one activity entry matching the condition. */
	private Set<Long> idsResolvedInPeriodWith(String condition, MapSqlParameterSource params) {
		Set<Long> ids = new HashSet<>();
		jdbc.query("select distinct a.incident_id from incident_activity a join incident i on i.id = a.incident_id"
				+ " where " + condition + " and i.resolved_at >= :start and i.resolved_at < :end", params,
				row -> {
					ids.add(row.getLong(1));
				});
		return ids;
	}

	private Map<Long, Integer> childrenOfMajor(List<IncidentFacts> incidents) {
		List<Long> majors = incidents.stream().filter(f -> Boolean.TRUE.equals(f.major())).map(IncidentFacts::id)
			.toList();
		Map<Long, Integer> children = new HashMap<>();
		for (int from = 0; from < majors.size(); from += 500) {
			List<Long> chunk = majors.subList(from, Math.min(majors.size(), from + 500));
			jdbc.query("select parent_id, count(*) from incident where parent_id in (:ids) group by parent_id",
					new MapSqlParameterSource("ids", chunk), row -> {
						children.put(row.getLong(1), row.getInt(2));
					});
		}
		return children;
	}

	// ------------------------------------------------------------------------------------------- aggregates

	/** What {@link #kpis} counted: per group key (or {@code null} key without a breakdown), and the whole. */
	public record KpiCounts(Figures.Tally all, Map<String, Figures.Tally> groups) {
	}

	/** A period's events in the database, group by group: the condition of each figure in SQL. */
	private static final String RESOLVED = "(i.resolved_at >= :start and i.resolved_at < :end)";
	private static final String OPEN = "i.state in ('NEW', 'IN_PROGRESS', 'ON_HOLD')";
	/** {@link IncidentFacts#responseTargetMissed}: flagged, answered late, or still unanswered past the due date. */
	private static final String RESPONSE_MISSED = "(i.response_breached = true or (i.response_due_at is not null and"
			+ " ((i.first_response_at is null and i.response_due_at < :now and " + OPEN + ")"
			+ " or i.first_response_at > i.response_due_at)))";
	/** {@link IncidentFacts#resolutionTargetMissed}: flagged, resolved late, or open (not on hold) past it. */
	private static final String RESOLUTION_MISSED = "(i.resolution_breached = true or (i.resolution_due_at is not null"
			+ " and ((i.resolved_at is null and " + OPEN + " and i.state <> 'ON_HOLD' and i.resolution_due_at < :now)"
			+ " or i.resolved_at > i.resolution_due_at)))";
	/** The last CANCELED entry in the period per incident ({@link IncidentFacts#canceledAt}). */
	private static final String CANCELED_IN_PERIOD = "(select a.incident_id, max(a.at) as at from incident_activity a"
			+ " where a.event = 'CANCELED' and a.at >= :start and a.at < :end group by a.incident_id)";

	/**
	 * The counts of every figure of {@link KpiFigures} for the period, per value of {@code groupBy} (when given) and
	 * for the whole, narrowed by the filter: the rules of {@link Figures.Tally#add} in SQL.
	 */
	@Transactional(readOnly = true)
	public KpiCounts kpis(ReportPeriod period, Instant now, Dimension groupBy, ReportFilter filter) {
		ReportSources.Available available = sources.available();
		if (sources.postgres()) {
			// the percentiles sort a year's durations (about 300,000 values) in memory rather than on disk; for
			// this read-only transaction only
			jdbc.getJdbcTemplate().execute("set local work_mem = '64MB'");
		}
		MapSqlParameterSource params = params(period, filter).addValue("now", timestamp(now));
		String key = groupBy == null ? "cast(null as varchar(1))" : key(groupBy);
		String toRespond = millisBetween("i.reported_at", "i.first_response_at");
		String toResolve = millisBetween("i.reported_at", "i.resolved_at");
		String responded = "(i.first_response_at >= :start and i.first_response_at < :end)";
		StringBuilder sql = new StringBuilder("select ").append(key).append(" as k")
			.append(count("i.reported_at >= :start and i.reported_at < :end"))
			.append(count(RESOLVED))
			.append(count("i.closed_at >= :start and i.closed_at < :end"))
			.append(count("c.incident_id is not null"))
			.append(count(OPEN))
			.append(count(OPEN + " and " + RESPONSE_MISSED))
			.append(count(OPEN + " and " + RESOLUTION_MISSED))
			.append(count(responded))
			.append(", sum(case when ").append(responded).append(" then ").append(toRespond).append(" else 0 end)")
			.append(", sum(case when ").append(RESOLVED).append(" then ").append(toResolve).append(" else 0 end)")
			.append(", sum(case when ").append(RESOLVED).append(" then ").append(toResolve)
			.append(" - coalesce(i.paused_millis, 0) else 0 end)")
			.append(count(RESOLVED + " and i.response_due_at is not null"))
			.append(count(RESOLVED + " and i.response_due_at is not null and " + RESPONSE_MISSED))
			.append(count(RESOLVED + " and i.resolution_due_at is not null"))
			.append(count(RESOLVED + " and i.resolution_due_at is not null and " + RESOLUTION_MISSED))
			// first contact resolution: never escalated, never reassigned, never reopened
			.append(count(RESOLVED + " and i.escalation_chain is null and r.incident_id is null"
					+ " and coalesce(i.reopen_count, 0) = 0"))
			.append(count(RESOLVED + " and coalesce(i.reopen_count, 0) > 0"))
			.append(count(RESOLVED + " and i.escalation_chain is not null"));
		if (available.satisfaction()) {
			String score = "i." + ReportSources.CSAT_SCORE_COLUMN;
			sql.append(count(RESOLVED + " and " + score + " is not null"))
				.append(", sum(case when ").append(RESOLVED).append(" then ").append(score).append(" else 0 end)");
		}
		if (available.knowledge()) {
			sql.append(count(RESOLVED + " and kn.incident_id is not null"));
		}
		sql.append(" from incident i left join ").append(CANCELED_IN_PERIOD).append(" c on c.incident_id = i.id")
			// on PostgreSQL the partial index of V91 holds exactly these rows
			.append(" left join ").append(resolvedInPeriodWith("a.field = 'assignmentGroup' and a.old_value is not null"))
			.append(" r on r.incident_id = i.id");
		if (available.knowledge()) {
			sql.append(" left join ")
				.append(resolvedInPeriodWith("a.event = '" + ReportSources.KNOWLEDGE_APPLIED + "'"))
				.append(" kn on kn.incident_id = i.id");
		}
		sql.append(" where i.kind = 'INCIDENT' and (").append(IN_PERIOD_BY_EVENT)
			.append(" or c.incident_id is not null or ").append(OPEN).append(")").append(filterSql(filter));
		if (groupBy != null) {
			sql.append(" group by ").append(key);
		}

		Map<String, Figures.Tally> groups = new HashMap<>();
		Figures.Tally all = new Figures.Tally(available);
		jdbc.query(sql.toString(), params, row -> {
			Figures.Tally t = new Figures.Tally(available);
			int c = 2;
			t.opened = row.getLong(c++);
			t.resolved = row.getLong(c++);
			t.closed = row.getLong(c++);
			t.canceled = row.getLong(c++);
			t.backlog = row.getLong(c++);
			t.backlogResponseBreached = row.getLong(c++);
			t.backlogResolutionBreached = row.getLong(c++);
			t.respondedCount = row.getLong(c++);
			t.respondMillis = row.getLong(c++);
			t.resolveMillis = row.getLong(c++);
			t.resolveExcludingHoldMillis = row.getLong(c++);
			t.responseWithTarget = row.getLong(c++);
			t.responseMissed = row.getLong(c++);
			t.resolutionWithTarget = row.getLong(c++);
			t.resolutionMissed = row.getLong(c++);
			t.firstContactResolved = row.getLong(c++);
			t.reopened = row.getLong(c++);
			t.escalated = row.getLong(c++);
			if (available.satisfaction()) {
				t.csatResponses = row.getLong(c++);
				t.csatSum = row.getLong(c++);
			}
			if (available.knowledge()) {
				t.knowledgeApplied = row.getLong(c++);
			}
			// an empty population still answers one row without a breakdown: all zeros
			if (groupBy != null) {
				groups.put(row.getString(1), t);
			}
			all.addCounts(t);
		});
		percentiles(params, filter, groupBy, all, groups);
		return new KpiCounts(all, groups);
	}

	/** Incidents of the period: something happened to them in it (CANCELED entries are joined separately). */
	private static final String IN_PERIOD_BY_EVENT = """
			(i.reported_at >= :start and i.reported_at < :end)
			or (i.first_response_at >= :start and i.first_response_at < :end)
			or (i.resolved_at >= :start and i.resolved_at < :end)
			or (i.closed_at >= :start and i.closed_at < :end)""";

	/**
	 * The durations' medians and 90th percentiles of the responded (reported → first response) and of the resolved
	 * (reported → resolved, with and without hold), per group and for the whole.
	 * <p>
	 * PostgreSQL interpolates them itself ({@code percentile_cont}, the rule of {@link Stats#percentileMinutes}) in one
	 * scan, the whole and the groups as grouping sets. H2 has neither grouping sets nor the array form, so there the
	 * database sorts each population and hands over only the values at the ranks Java interpolates between.
	 */
	private void percentiles(MapSqlParameterSource params, ReportFilter filter, Dimension groupBy, Figures.Tally all,
			Map<String, Figures.Tally> groups) {
		Map<String, Figures.Percentiles[]> byGroup = sources.postgres() ? interpolatedByDatabase(params, filter, groupBy)
				: valuesAtRanks(params, filter, groupBy);
		summarise(all, byGroup.get(groupKey(true, null)));
		groups.forEach((k, t) -> summarise(t, byGroup.get(groupKey(false, k))));
	}

	private static final double[] FRACTIONS = { 0.5, 0.9 };

	private Map<String, Figures.Percentiles[]> interpolatedByDatabase(MapSqlParameterSource params,
			ReportFilter filter, Dimension groupBy) {
		String key = groupBy == null ? "cast(null as varchar(1))" : key(groupBy);
		String toResolve = millisBetween("i.reported_at", "i.resolved_at");
		String responded = "(i.first_response_at >= :start and i.first_response_at < :end)";
		String durations = "select " + key + " as k, " + responded + " as responded, " + RESOLVED + " as resolved, "
				+ millisBetween("i.reported_at", "i.first_response_at") + " as respond, " + toResolve + " as resolve, "
				+ toResolve + " - coalesce(i.paused_millis, 0) as resolve_active from incident i"
				+ " where i.kind = 'INCIDENT'" + filterSql(filter) + " and (" + responded + " or " + RESOLVED + ")";
		String fractions = "array[0.5, 0.9]::float8[]";
		String sql = "select " + (groupBy == null ? "1 as whole, cast(null as varchar(1))" : "grouping(k) as whole, k") + ","
				+ " percentile_cont(" + fractions + ") within group (order by respond) filter (where responded),"
				+ " percentile_cont(" + fractions + ") within group (order by resolve) filter (where resolved),"
				+ " percentile_cont(" + fractions + ") within group (order by resolve_active) filter (where resolved)"
				+ " from (" + durations + ") x" + (groupBy == null ? "" : " group by grouping sets ((), (k))");
		Map<String, Figures.Percentiles[]> byGroup = new HashMap<>();
		jdbc.query(sql, params, row -> {
			Figures.Percentiles[] three = new Figures.Percentiles[3];
			for (int d = 0; d < 3; d++) {
				java.sql.Array values = row.getArray(3 + d);
				three[d] = Figures.Percentiles.interpolated(FRACTIONS,
						values == null ? null : (Double[]) values.getArray());
			}
			byGroup.put(groupKey(row.getInt(1) == 1, row.getString(2)), three);
		});
		return byGroup;
	}

	private Map<String, Figures.Percentiles[]> valuesAtRanks(MapSqlParameterSource params, ReportFilter filter,
			Dimension groupBy) {
		String key = groupBy == null ? "cast(null as varchar(1))" : key(groupBy);
		String toResolve = millisBetween("i.reported_at", "i.resolved_at");
		String base = " from incident i where i.kind = 'INCIDENT'" + filterSql(filter) + " and ";
		String durations = "select " + key + " as k, 0 as d, " + millisBetween("i.reported_at", "i.first_response_at")
				+ " as v" + base + "(i.first_response_at >= :start and i.first_response_at < :end)"
				+ " union all select " + key + ", 1, " + toResolve + base + RESOLVED
				+ " union all select " + key + ", 2, " + toResolve + " - coalesce(i.paused_millis, 0)" + base + RESOLVED;
		// scope 0: the whole period, scope 1: per group. No common table expression: H2 re-runs a cached one with
		// the parameters of its first execution
		String scoped = groupBy == null ? "select 0 as s, k, d, v from (" + durations + ") w"
				: "select 0 as s, cast(null as varchar(1)) as k, d, v from (" + durations + ") w union all"
						+ " select 1, k, d, v from (" + durations + ") g";
		String sql = "select s, k, d, pos, v, n from (select s, k, d, v,"
				+ " row_number() over (partition by s, k, d order by v) - 1 as pos,"
				+ " count(*) over (partition by s, k, d) as n from (" + scoped + ") x) ranked"
				// the ranks of Stats.ranks in integers (n >= 1): floor and ceil of 0.5 (n - 1) and of 0.9 (n - 1)
				+ " where pos in ((n - 1) / 2, n / 2, (9 * (n - 1)) / 10, (9 * (n - 1) + 9) / 10)";
		Map<String, Map<Long, Long>[]> ranks = new HashMap<>();
		jdbc.query(sql, params, row -> {
			String group = groupKey(row.getInt(1) == 0, row.getString(2));
			@SuppressWarnings("unchecked")
			Map<Long, Long>[] byDuration = ranks.computeIfAbsent(group, g -> new Map[] { new HashMap<>(),
					new HashMap<>(), new HashMap<>() });
			byDuration[row.getInt(3)].put(row.getLong(4), row.getLong(5));
		});
		Map<String, Figures.Percentiles[]> byGroup = new HashMap<>();
		ranks.forEach((group, three) -> byGroup.put(group, new Figures.Percentiles[] {
				Figures.Percentiles.atRanks(three[0]), Figures.Percentiles.atRanks(three[1]),
				Figures.Percentiles.atRanks(three[2]) }));
		return byGroup;
	}

	private static String groupKey(boolean whole, String key) {
		return whole ? "all" : key == null ? "not set" : "value " + key;
	}

	private static void summarise(Figures.Tally tally, Figures.Percentiles[] percentiles) {
		Figures.Percentiles none = Figures.Percentiles.atRanks(Map.of());
		tally.toRespond = new Figures.Summary(tally.respondedCount, tally.respondMillis,
				percentiles == null ? none : percentiles[0]);
		tally.toResolve = new Figures.Summary(tally.resolved, tally.resolveMillis,
				percentiles == null ? none : percentiles[1]);
		tally.toResolveExcludingHold = new Figures.Summary(tally.resolved, tally.resolveExcludingHoldMillis,
				percentiles == null ? none : percentiles[2]);
	}

	/** Per group key (null without a breakdown) and day: opened, resolved, closed, canceled (indexes 0–3). */
	public record DayCounts(Map<String, Map<java.time.LocalDate, long[]>> groups) {
	}

	/**
	 * The period's events counted per local day (reporting time zone) and group value: opened, resolved, closed,
	 * canceled. With a breakdown, groups whose incidents were only responded to in the period are listed too (as
	 * the population of the KPIs has them), with no events.
	 */
	@Transactional(readOnly = true)
	public DayCounts volume(ReportPeriod period, Dimension groupBy, ReportFilter filter) {
		MapSqlParameterSource params = params(period, filter);
		String key = groupBy == null ? "cast(null as varchar(1))" : key(groupBy);
		String where = " where i.kind = 'INCIDENT'" + filterSql(filter);
		StringBuilder sql = new StringBuilder();
		String[] moments = { "i.reported_at", "i.resolved_at", "i.closed_at" };
		for (int e = 0; e < moments.length; e++) {
			String day = day(moments[e], period.zone());
			sql.append(e == 0 ? "" : " union all ").append("select ").append(key).append(" as k, ").append(e)
				.append(" as e, ").append(day).append(" as d, count(*) as n from incident i").append(where)
				.append(" and ").append(moments[e]).append(" >= :start and ").append(moments[e]).append(" < :end")
				.append(" group by ").append(key).append(", ").append(day);
		}
		String canceledDay = day("c.at", period.zone());
		sql.append(" union all select ").append(key).append(", 3, ").append(canceledDay)
			.append(", count(*) from incident i join ").append(CANCELED_IN_PERIOD).append(" c on c.incident_id = i.id")
			.append(where).append(" group by ").append(key).append(", ").append(canceledDay);
		if (groupBy != null) {
			// a day of the same type as the other rows' (a null would be text on PostgreSQL); not counted
			sql.append(" union all select ").append(key).append(", 4, min(").append(day("i.first_response_at", period.zone()))
				.append("), 0 from incident i").append(where)
				.append(" and i.first_response_at >= :start and i.first_response_at < :end group by ").append(key);
		}
		Map<String, Map<java.time.LocalDate, long[]>> groups = new HashMap<>();
		jdbc.query(sql.toString(), params, row -> {
			Map<java.time.LocalDate, long[]> days = groups.computeIfAbsent(row.getString(1), k -> new HashMap<>());
			int event = row.getInt(2);
			if (event < 4) {
				days.computeIfAbsent(java.time.LocalDate.parse(row.getString(3)), d -> new long[4])[event] += row
					.getLong(4);
			}
		});
		return new DayCounts(groups);
	}

	/** The open incidents now (the backlog), row by row: their priority, group and when they were reported. */
	public record OpenIncident(String priority, String assignmentGroup, Instant reportedAt) {
	}

	@Transactional(readOnly = true)
	public List<OpenIncident> backlog(ReportFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		addFilter(params, filter);
		return jdbc.query("select " + key(Dimension.PRIORITY) + ", i.assignment_group, i.reported_at from incident i"
				+ " where i.kind = 'INCIDENT' and " + OPEN + filterSql(filter), params,
				(row, n) -> new OpenIncident(row.getString(1), row.getString(2), instant(row, 3)));
	}

	/** Incidents reported in the period per value of the dimension (values not set left out). */
	@Transactional(readOnly = true)
	public Map<String, Long> openedBy(ReportPeriod period, Dimension dimension, ReportFilter filter) {
		Map<String, Long> counts = new HashMap<>();
		String key = key(dimension);
		jdbc.query("select " + key + ", count(*) from incident i where i.kind = 'INCIDENT'"
				+ " and i.reported_at >= :start and i.reported_at < :end and " + key + " is not null" + filterSql(filter)
				+ " group by " + key, params(period, filter), row -> {
					counts.put(row.getString(1), row.getLong(2));
				});
		return counts;
	}

	/** Major incidents reported in the period, row by row (a few), with their children. */
	@Transactional(readOnly = true)
	public PeriodData majorIncidents(ReportPeriod period, Instant now, ReportFilter filter) {
		ReportSources.Available available = sources.available();
		if (!available.majorIncidents()) {
			return new PeriodData(period, now, List.of(), available, Map.of());
		}
		List<IncidentFacts> majors = facts(period, available, "i." + ReportSources.MAJOR_COLUMN
				+ " = true and i.reported_at >= :start and i.reported_at < :end" + filterSql(filter), filter, Set.of(),
				Set.of(), Map.of());
		return new PeriodData(period, now, majors, available, childrenOfMajor(majors));
	}

	/** How an incident's value of a dimension reads in SQL: as {@link Dimension#valueOf} spells it. */
	static String key(Dimension dimension) {
		return switch (dimension) {
			case PRIORITY -> "cast(i.priority as varchar(10))";
			case SERVICE -> "i.service";
			case CONFIGURATION_ITEM -> "i.configuration_item";
			case CATEGORY -> "i.category";
			case ASSIGNMENT_GROUP -> "i.assignment_group";
			case CHANNEL -> "lower(i.channel)";
		};
	}

	/** {@link ReportFilter#matches}: every value equal, ignoring case; an incident without the value never matches. */
	private static String filterSql(ReportFilter filter) {
		StringBuilder sql = new StringBuilder();
		for (Dimension dimension : filter.values().keySet()) {
			sql.append(" and lower(").append(key(dimension)).append(") = lower(:filter_").append(dimension.name())
				.append(")");
		}
		return sql.toString();
	}

	private static void addFilter(MapSqlParameterSource params, ReportFilter filter) {
		filter.values().forEach((dimension, value) -> params.addValue("filter_" + dimension.name(), value));
	}

	private static MapSqlParameterSource params(ReportPeriod period, ReportFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("start", timestamp(period.start()))
			.addValue("end", timestamp(period.end()));
		addFilter(params, filter);
		return params;
	}

	private static String count(String condition) {
		return ", sum(case when " + condition + " then 1 else 0 end)";
	}

	/** Distinct ids of incidents resolved in the period with an activity entry matching the condition. */
	private static String resolvedInPeriodWith(String condition) {
		// not joined to the incidents resolved in the period: the aggregate only asks for those, and the join cost
		// a second scan of the incident table per report
		return "(select distinct a.incident_id from incident_activity a where " + condition + ")";
	}

	/**
	 * Milliseconds from one instant to another as {@link Instant#toEpochMilli()} counts them (each truncated to the
	 * millisecond, then subtracted). PostgreSQL: the interval between the truncated instants, whose seconds as a
	 * double times 1000 are a whole number up to rounding; H2: the exact epoch seconds.
	 */
	private String millisBetween(String from, String to) {
		if (sources.postgres()) {
			return "cast(round(date_part('epoch', date_trunc('milliseconds', " + to + ") - date_trunc('milliseconds', "
					+ from + ")) * 1000) as bigint)";
		}
		return "cast(floor(extract(epoch from " + to + ") * 1000) - floor(extract(epoch from " + from
				+ ") * 1000) as bigint)";
	}

	/** The local day (ISO text) of an instant in the reporting time zone. */
	private String day(String instant, java.time.ZoneId zone) {
		java.time.ZoneId normalized = zone.normalized();
		String id = normalized.getId().replace("'", "''");
		if (normalized instanceof java.time.ZoneOffset offset) {
			// PostgreSQL reads '+02:00' as a POSIX zone (sign reversed): an interval says what is meant
			return sources.postgres()
					? "cast(" + instant + " at time zone interval '" + offset.getTotalSeconds() + " seconds' as date)"
					: "formatdatetime(" + instant + ", 'yyyy-MM-dd', 'en', 'GMT"
							+ (offset.getTotalSeconds() == 0 ? "" : offset.getId()) + "')";
		}
		if (sources.postgres()) {
			return "cast(" + instant + " at time zone '" + id + "' as date)";
		}
		return "formatdatetime(" + instant + ", 'yyyy-MM-dd', 'en', '" + id + "')";
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String lower(String code) {
		return code == null ? null : code.toLowerCase(Locale.ROOT);
	}

}
