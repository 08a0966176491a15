package org.incidentflow.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.reporting.KpiReport.Count;
import org.incidentflow.reporting.ReportReader.PeriodData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds the reports: the database counts the period's figures per group ({@link ReportReader}), this class turns
 * the counts into figures ({@link Figures.Tally#figures()}), buckets and tables. "Now" is the engine clock, so tests control the ages.
 */
@Service
public class ReportService {

	/** Age buckets of the backlog: key, label, upper bound (exclusive). */
	private static final List<Object[]> AGE_BUCKETS = List.of(
			new Object[] { "lt1d", "< 1 day", Duration.ofDays(1) },
			new Object[] { "1to3d", "1–3 days", Duration.ofDays(3) },
			new Object[] { "3to7d", "3–7 days", Duration.ofDays(7) },
			new Object[] { "7to30d", "7–30 days", Duration.ofDays(30) },
			new Object[] { "gt30d", "> 30 days", null });

	static final int TOP = 10;

	private final ReportReader reader;
	private final ZoneId zone;

	public ReportService(ReportReader reader, @Value("${incidentflow.reporting.timezone:UTC}") ZoneId zone) {
		this.reader = reader;
		this.zone = zone;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Today in the reporting time zone, by the engine clock. */
	public LocalDate today() {
		return ActivityLog.now().atZone(zone).toLocalDate();
	}

	public ReportPeriod period(LocalDate from, LocalDate to) {
		return new ReportPeriod(from, to, zone);
	}

	public KpiReport kpis(ReportPeriod period, Dimension groupBy) {
		return kpis(period, groupBy, ReportFilter.NONE);
	}

	public KpiReport kpis(ReportPeriod period, Dimension groupBy, ReportFilter filter) {
		Instant now = ActivityLog.now();
		ReportReader.KpiCounts counts = reader.kpis(period, now, groupBy, filter);
		List<KpiReport.Group> groups = groupBy == null ? List.of()
				: counts.groups().entrySet().stream()
					.map(e -> new KpiReport.Group(e.getKey(), groupBy.display(e.getKey()), e.getValue().figures()))
					.sorted(groupOrder(groupBy))
					.toList();
		List<ReportReader.OpenIncident> open = reader.backlog(filter);
		KpiReport.Backlog backlog = new KpiReport.Backlog(open.size(),
				counts(tally(open, ReportReader.OpenIncident::priority), Dimension.PRIORITY, false),
				counts(tally(open, ReportReader.OpenIncident::assignmentGroup), Dimension.ASSIGNMENT_GROUP, true),
				ageCounts(open.stream().map(ReportReader.OpenIncident::reportedAt).toList(), now));
		return new KpiReport(period.from(), period.to(), zone.getId(), now, groupBy == null ? null : groupBy.code(),
				counts.all().figures(), groups, backlog,
				top(reader.openedBy(period, Dimension.SERVICE, filter), Dimension.SERVICE),
				top(reader.openedBy(period, Dimension.CONFIGURATION_ITEM, filter), Dimension.CONFIGURATION_ITEM),
				majorIncidents(reader.majorIncidents(period, now, filter)), notAvailable(reader.available()));
	}

	public VolumeReport volume(ReportPeriod period, ReportInterval interval, Dimension groupBy) {
		return volume(period, interval, groupBy, ReportFilter.NONE);
	}

	public VolumeReport volume(ReportPeriod period, ReportInterval interval, Dimension groupBy, ReportFilter filter) {
		Map<String, Map<LocalDate, long[]>> days = reader.volume(period, groupBy, filter).groups();
		List<VolumeReport.Series> groups = groupBy == null ? List.of()
				: days.entrySet().stream()
					.sorted(Map.Entry.comparingByKey(Comparator.nullsLast(keyOrder(groupBy))))
					.map(e -> new VolumeReport.Series(e.getKey(), groupBy.display(e.getKey()),
							buckets(List.of(e.getValue()), period, interval)))
					.toList();
		return new VolumeReport(period.from(), period.to(), zone.getId(), interval.code(),
				groupBy == null ? null : groupBy.code(), buckets(days.values(), period, interval), groups);
	}

	/**
	 * The period's buckets: the events counted per local day (reporting time zone) by the database, summed into the
	 * bucket each day falls in (binary search over the buckets' first days); every bucket listed, empty ones zero.
	 */
	static List<VolumeReport.Bucket> buckets(Collection<Map<LocalDate, long[]>> days, ReportPeriod period,
			ReportInterval interval) {
		List<LocalDate> starts = new ArrayList<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = interval.bucketEnd(day, period)
			.plusDays(1)) {
			starts.add(day);
		}
		long[][] counts = new long[starts.size()][4];
		for (Map<LocalDate, long[]> group : days) {
			group.forEach((day, events) -> {
				int found = Collections.binarySearch(starts, day);
				int bucket = found >= 0 ? found : -found - 2;
				if (bucket < 0 || day.isAfter(period.to())) {
					return;
				}
				for (int e = 0; e < 4; e++) {
					counts[bucket][e] += events[e];
				}
			});
		}
		List<VolumeReport.Bucket> buckets = new ArrayList<>(starts.size());
		for (int i = 0; i < starts.size(); i++) {
			long[] c = counts[i];
			buckets.add(new VolumeReport.Bucket(starts.get(i), interval.bucketEnd(starts.get(i), period), c[0], c[1],
					c[2], c[3], c[0] - c[2] - c[3]));
		}
		return buckets;
	}

	/** How many rows per value ({@code "\0"} for none). */
	private static <T> Map<String, Long> tally(List<T> rows, Function<T, String> value) {
		Map<String, Long> counts = new HashMap<>();
		for (T row : rows) {
			counts.merge(Objects.requireNonNullElse(value.apply(row), "\0"), 1L, Long::sum);
		}
		return counts;
	}

	/** Priorities 1 to 5; other dimensions by incidents opened, most first, then by name. "Not set" last. */
	private static Comparator<KpiReport.Group> groupOrder(Dimension dimension) {
		if (dimension == Dimension.PRIORITY) {
			return Comparator.comparing(KpiReport.Group::key, Comparator.nullsLast(keyOrder(dimension)));
		}
		return Comparator.comparing((KpiReport.Group g) -> g.key() == null)
			.thenComparing(g -> -(g.figures().opened() + g.figures().backlog()))
			.thenComparing(KpiReport.Group::key, Comparator.nullsLast(Comparator.naturalOrder()));
	}

	private static Comparator<String> keyOrder(Dimension dimension) {
		return dimension == Dimension.PRIORITY ? Comparator.comparing(Integer::valueOf)
				: Comparator.naturalOrder();
	}

	/** Counts per value ({@code "\0"}: not set), most first or (priorities) in key order, "not set" last. */
	private static List<Count> counts(Map<String, Long> counts, Dimension dimension, boolean mostFirst) {
		Comparator<Map.Entry<String, Long>> order = mostFirst
				? Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())
				: Map.Entry.comparingByKey(Comparator.comparing((String k) -> k.equals("\0"))
					.thenComparing(k -> k.equals("\0") ? 0 : Integer.parseInt(k)));
		return counts.entrySet().stream().sorted(order).map(e -> {
			String key = e.getKey().equals("\0") ? null : e.getKey();
			return new Count(key, dimension.display(key), e.getValue());
		}).toList();
	}

	private static List<Count> top(Map<String, Long> opened, Dimension dimension) {
		return counts(opened, dimension, true).stream().limit(TOP).toList();
	}

	/** The backlog by age since reported, every bucket listed (zero included). */
	static List<Count> ages(List<IncidentFacts> open, Instant now) {
		return ageCounts(open.stream().map(IncidentFacts::reportedAt).toList(), now);
	}

	static List<Count> ageCounts(List<Instant> reported, Instant now) {
		long[] counts = new long[AGE_BUCKETS.size()];
		for (Instant at : reported) {
			Duration age = Duration.between(at, now);
			int bucket = 0;
			while (AGE_BUCKETS.get(bucket)[2] != null && age.compareTo((Duration) AGE_BUCKETS.get(bucket)[2]) >= 0) {
				bucket++;
			}
			counts[bucket]++;
		}
		List<Count> result = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			result.add(new Count((String) AGE_BUCKETS.get(i)[0], (String) AGE_BUCKETS.get(i)[1], counts[i]));
		}
		return result;
	}

	/** Major incidents reported in the period: how many, resolved, mean duration, children. */
	static KpiReport.MajorIncidents majorIncidents(PeriodData data) {
		if (!data.available().majorIncidents()) {
			return null;
		}
		List<IncidentFacts> majors = data.incidents().stream()
			.filter(f -> Boolean.TRUE.equals(f.major()) && data.period().contains(f.reportedAt())).toList();
		List<Duration> durations = majors.stream().map(IncidentFacts::timeToResolve).filter(Objects::nonNull).toList();
		long children = majors.stream().mapToLong(f -> data.childrenOfMajor().getOrDefault(f.id(), 0)).sum();
		BigDecimal mean = Stats.meanMinutes(durations);
		return new KpiReport.MajorIncidents(majors.size(), durations.size(), mean, children);
	}

	static Map<String, String> notAvailable(ReportSources.Available available) {
		Map<String, String> reasons = new LinkedHashMap<>();
		if (!available.satisfaction()) {
			String why = "No satisfaction survey: the portal's CSAT survey is not installed";
			reasons.put("csatResponses", why);
			reasons.put("csatAverage", why);
			reasons.put("csatResponseRatePercent", why);
		}
		if (!available.knowledge()) {
			String why = "No knowledge base: known errors and articles are not installed";
			reasons.put("knowledgeApplied", why);
			reasons.put("knowledgeUsePercent", why);
		}
		if (!available.majorIncidents()) {
			reasons.put("majorIncidents", "No major-incident records: the major-incident feature is not installed");
		}
		return reasons;
	}

}
