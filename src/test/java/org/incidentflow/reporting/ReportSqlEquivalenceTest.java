package org.incidentflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregate queries of {@link ReportReader} (what the reports run) give exactly the figures of the rules in
 * {@link Figures} applied row by row to the same incidents ({@link ReportReader#read}, the reference), on H2 and on
 * PostgreSQL: 400 incidents written with plain SQL at random moments with sub-millisecond parts (seeded, so a failure
 * repeats), every state, missing and present due dates, flags, time on hold, reopenings, escalations,
 * reassignments, cancellations, values not set; compared for several periods (a day, a month across the change to
 * summer time, an empty one, the whole range), every breakdown and a filter, the KPIs and the daily and weekly volume.
 * <p>
 * The incidents lie in 2041, after every other test's, and the service values carry a marker of this run, so other
 * tests' records in the shared database only join the whole-range comparison (both paths see them the same). They
 * are removed after each test: records without a process instance would disturb other tests' checks.
 */
class ReportSqlEquivalenceTest extends WebTestSupport {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
	static final Instant FIRST = Instant.parse("2041-03-01T00:00:00Z");
	static final Instant NOW = Instant.parse("2041-04-20T10:15:30.123456Z");

	@Autowired ReportReader reader;
	@Autowired JdbcTemplate jdbc;

	String marker;
	final List<Long> ids = new ArrayList<>();

	@BeforeEach
	void incidents() {
		marker = IncidentFixtures.marker();
		Random random = new Random(20411);
		String[] states = { "NEW", "IN_PROGRESS", "ON_HOLD", "RESOLVED", "CLOSED", "CANCELED" };
		String[] channels = { "PORTAL", "EMAIL", "PHONE", "MONITORING" };
		String[] groups = { "service-desk", "network-ops", "app-support", null };
		String next = reader.postgres() ? "select nextval('%s')" : "select next value for %s";
		for (int n = 0; n < 400; n++) {
			// id and number from the product's sequences, both drawn, so that they stay in step for other tests
			long id = jdbc.queryForObject(next.formatted("incident_seq"), Long.class);
			long number = jdbc.queryForObject(next.formatted("incident_number_seq"), Long.class);
			ids.add(id);
			Instant reported = FIRST.plus(Duration.ofSeconds(random.nextInt(50 * 86_400))).plusNanos(
					random.nextInt(1_000_000) * 1000L);
			String state = states[random.nextInt(states.length)];
			boolean open = state.equals("NEW") || state.equals("IN_PROGRESS") || state.equals("ON_HOLD");
			Instant responded = state.equals("NEW") && random.nextBoolean() ? null
					: reported.plus(Duration.ofSeconds(random.nextInt(7_200))).plusNanos(random.nextInt(1000) * 1000L);
			Instant resolved = open || state.equals("CANCELED") && random.nextBoolean() ? null
					: reported.plus(Duration.ofMinutes(30 + random.nextInt(5 * 1440))).plusNanos(
							random.nextInt(1_000_000) * 1000L);
			Instant closed = state.equals("CLOSED") ? resolved.plus(Duration.ofDays(1 + random.nextInt(3))) : null;
			Instant responseDue = random.nextInt(5) == 0 ? null : reported.plus(Duration.ofMinutes(30));
			Instant resolutionDue = random.nextInt(5) == 0 ? null : reported.plus(Duration.ofHours(8 + random.nextInt(48)));
			long paused = random.nextInt(4) == 0 ? random.nextInt(3_600_000) : 0;
			jdbc.update("""
					insert into incident (id, number, version, kind, title, caller, channel, type, category, service,
					  configuration_item, impact, urgency, priority, state, assignment_group, escalation_chain,
					  reported_at, first_response_at, resolved_at, closed_at, response_due_at, resolution_due_at,
					  paused_millis, response_breached, resolution_breached, reopen_count, updated_at)
					values (?, ?, 0, ?, 'Equivalence', 'rita', ?, 'SOFTWARE', ?, ?, ?, 'MEDIUM', 'MEDIUM', ?, ?, ?, ?,
					  ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, org.incidentflow.incident.Incident.formatNumber(number),
					n % 23 == 0 ? "SERVICE_REQUEST" : "INCIDENT", channels[random.nextInt(channels.length)],
					random.nextInt(6) == 0 ? null : "cat-" + random.nextInt(3),
					random.nextInt(8) == 0 ? null : marker + "-" + random.nextInt(4),
					random.nextInt(3) == 0 ? null : "ci-" + random.nextInt(30),
					random.nextInt(9) == 0 ? null : 1 + random.nextInt(5), state, groups[random.nextInt(groups.length)],
					random.nextInt(5) == 0 ? "service-desk,network-ops" : null, at(reported), at(responded), at(resolved),
					at(closed), at(responseDue), at(resolutionDue), paused, random.nextInt(6) == 0,
					random.nextInt(6) == 0, random.nextInt(7) == 0 ? 1 + random.nextInt(2) : 0, at(reported));
			if (random.nextInt(4) == 0) {
				activity(id, reported.plus(Duration.ofMinutes(5)), "FIELD_CHANGED", "assignmentGroup",
						random.nextBoolean() ? "service-desk" : null);
			}
			if (state.equals("CANCELED")) {
				activity(id, reported.plus(Duration.ofMinutes(10 + random.nextInt(3 * 1440))), "CANCELED", null, null);
				if (random.nextInt(3) == 0) {
					// canceled twice (reopened in between): the last entry in the period counts
					activity(id, reported.plus(Duration.ofDays(4)), "CANCELED", null, null);
				}
			}
		}
	}

	/** Records without a process instance would disturb other tests' checks of the shared database. */
	@AfterEach
	void removeIncidents() {
		for (Long id : ids) {
			jdbc.update("delete from incident_activity where incident_id = ?", id);
			jdbc.update("delete from incident where id = ?", id);
		}
		ids.clear();
	}

	@Test
	void kpisFromTheDatabaseEqualTheRulesRowByRow() {
		for (ReportPeriod period : periods()) {
			ReportReader.PeriodData data = reader.read(period, NOW, true);
			List<Dimension> breakdowns = new ArrayList<>(Arrays.asList(Dimension.values()));
			breakdowns.add(null);
			for (Dimension groupBy : breakdowns) {
				for (ReportFilter filter : filters()) {
					List<IncidentFacts> facts = data.incidents().stream().filter(filter::matches).toList();
					ReportReader.KpiCounts counts = reader.kpis(period, NOW, groupBy, filter);
					String what = period + " groupBy=" + groupBy + " filter=" + filter;
					assertThat(counts.all().figures()).as(what)
						.isEqualTo(Figures.of(new Figures.Population(period, NOW, facts, data.available())));
					if (groupBy == null) {
						continue;
					}
					Map<String, KpiFigures> expected = new TreeMap<>(java.util.Comparator.nullsFirst(String::compareTo));
					facts.stream().collect(Collectors.groupingBy(f -> java.util.Optional.ofNullable(groupBy.valueOf(f))))
						.forEach((key, group) -> expected.put(key.orElse(null),
								Figures.of(new Figures.Population(period, NOW, group, data.available()))));
					Map<String, KpiFigures> actual = new TreeMap<>(java.util.Comparator.nullsFirst(String::compareTo));
					counts.groups().forEach((key, tally) -> actual.put(key, tally.figures()));
					assertThat(actual).as(what).isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void volumeFromTheDatabaseEqualsTheEventsRowByRow() {
		ReportService service = new ReportService(reader, BERLIN);
		for (ReportPeriod period : periods()) {
			List<IncidentFacts> all = reader.read(period, NOW, false).incidents();
			for (ReportInterval interval : ReportInterval.values()) {
				for (Dimension groupBy : new Dimension[] { null, Dimension.SERVICE, Dimension.PRIORITY,
						Dimension.CHANNEL }) {
					for (ReportFilter filter : filters()) {
						List<IncidentFacts> facts = all.stream().filter(filter::matches).toList();
						VolumeReport volume = service.volume(period, interval, groupBy, filter);
						String what = period + " " + interval + " groupBy=" + groupBy + " filter=" + filter;
						assertThat(volume.buckets()).as(what).isEqualTo(buckets(facts, period, interval));
						if (groupBy == null) {
							continue;
						}
						Map<String, List<VolumeReport.Bucket>> expected = new LinkedHashMap<>();
						facts.stream()
							.collect(Collectors.groupingBy(f -> java.util.Optional.ofNullable(groupBy.valueOf(f))))
							.forEach((key, group) -> expected.put(key.orElse(null), buckets(group, period, interval)));
						Map<String, List<VolumeReport.Bucket>> actual = new LinkedHashMap<>();
						volume.groups().forEach(series -> actual.put(series.key(), series.buckets()));
						assertThat(actual).as(what).isEqualTo(expected);
					}
				}
			}
		}
	}

	List<ReportPeriod> periods() {
		return List.of(new ReportPeriod(LocalDate.of(2041, 3, 12), LocalDate.of(2041, 3, 12), BERLIN),
				// across the change to summer time (30 March 2041)
				new ReportPeriod(LocalDate.of(2041, 3, 15), LocalDate.of(2041, 4, 14), BERLIN),
				new ReportPeriod(LocalDate.of(2041, 9, 1), LocalDate.of(2041, 9, 30), BERLIN),
				new ReportPeriod(LocalDate.of(2041, 2, 20), LocalDate.of(2041, 5, 31), BERLIN));
	}

	List<ReportFilter> filters() {
		return List.of(ReportFilter.NONE, new ReportFilter(Map.of(Dimension.SERVICE, marker.toUpperCase() + "-1")),
				new ReportFilter(Map.of(Dimension.CHANNEL, "Email", Dimension.PRIORITY, "3")));
	}

	/** The volume's buckets from the facts, event by event: how the reports counted before the database did. */
	static List<VolumeReport.Bucket> buckets(List<IncidentFacts> incidents, ReportPeriod period,
			ReportInterval interval) {
		Map<LocalDate, long[]> counts = new TreeMap<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = interval.bucketEnd(day, period)
			.plusDays(1)) {
			counts.put(day, new long[4]);
		}
		for (IncidentFacts f : incidents) {
			Instant[] events = { f.reportedAt(), f.resolvedAt(), f.closedAt(), f.canceledAt() };
			for (int e = 0; e < events.length; e++) {
				if (period.contains(events[e])) {
					counts.get(interval.bucketStart(period.dayOf(events[e]), period))[e]++;
				}
			}
		}
		return counts.entrySet().stream().map(entry -> {
			long[] c = entry.getValue();
			return new VolumeReport.Bucket(entry.getKey(), interval.bucketEnd(entry.getKey(), period), c[0], c[1],
					c[2], c[3], c[0] - c[2] - c[3]);
		}).toList();
	}

	void activity(long incident, Instant at, String event, String field, String oldValue) {
		jdbc.update("insert into incident_activity (incident_id, at, actor, event, field, old_value, new_value)"
				+ " values (?, ?, 'system', ?, ?, ?, ?)", incident, at(at), event, field, oldValue,
				field == null ? null : "network-ops");
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

}
