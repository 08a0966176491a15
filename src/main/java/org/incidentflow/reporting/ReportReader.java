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
 * The only SQL of the reports: loads the facts of every incident that matters for a period in a few indexed queries
 * (indexes of V90), read-only. Records of kind {@code SERVICE_REQUEST} (triage handed them to request fulfilment) are
 * not incidents and are left out. Portable between PostgreSQL and H2: the figures are computed in Java, so no
 * database-specific date arithmetic is needed.
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
	 * The incidents reported, first responded to, resolved, closed or canceled in the period and, with
	 * {@code forKpis}, every incident open now and what the quality figures need (reassignments, knowledge use).
	 * Without it (volume), only the moments are read.
	 */
	@Transactional(readOnly = true)
	public PeriodData read(ReportPeriod period, Instant now, boolean forKpis) {
		boolean withBacklog = forKpis;
		ReportSources.Available available = sources.available();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("start", timestamp(period.start()))
			.addValue("end", timestamp(period.end()));

		Map<Long, Instant> canceled = new HashMap<>();
		jdbc.query("""
				select a.incident_id, max(a.at) as at from incident_activity a
				where a.event = 'CANCELED' and a.at >= :start and a.at < :end group by a.incident_id""", params,
				row -> {
					canceled.put(row.getLong(1), instant(row, 2));
				});
		// on PostgreSQL the partial index of V91 holds exactly these rows
		Set<Long> reassigned = forKpis ? idsResolvedInPeriodWith("""
				a.field = 'assignmentGroup' and a.old_value is not null""", params) : Set.of();
		Set<Long> knowledge = forKpis && available.knowledge()
				? idsResolvedInPeriodWith("a.event = '" + ReportSources.KNOWLEDGE_APPLIED + "'", params)
				: Set.of();

		String optional = (available.satisfaction() ? ", i." + ReportSources.CSAT_SCORE_COLUMN : "")
				+ (available.majorIncidents() ? ", i." + ReportSources.MAJOR_COLUMN : "");
		String sql = "select " + COLUMNS + optional + " from incident i where i.kind = 'INCIDENT' and ("
				+ IN_PERIOD + (withBacklog ? " or " + OPEN_NOW : "") + ")";
		List<IncidentFacts> incidents = new ArrayList<>();
		int csatColumn = COLUMN_COUNT + 1;
		int majorColumn = COLUMN_COUNT + (available.satisfaction() ? 2 : 1);
		jdbc.query(sql, params, row -> {
			// by position, in the order of COLUMNS: 100,000 rows make every lookup count
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
		return new PeriodData(period, now, incidents, available,
				available.majorIncidents() ? childrenOfMajor(incidents) : Map.of());
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
