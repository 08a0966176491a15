package org.incidentflow.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.reporting.KpiReport.Count;
import org.incidentflow.reporting.ReportReader.PeriodData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds the reports: loads the period's facts once ({@link ReportReader}) and computes the figures
 * ({@link Figures}) for the whole period and per group. "Now" is the engine clock, so tests control the ages.
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
		PeriodData data = filtered(reader.read(period, now, true), filter);
		Figures.Population all = new Figures.Population(period, now, data.incidents(), data.available());
		List<KpiReport.Group> groups = groupBy == null ? List.of()
				: partition(data.incidents(), groupBy).entrySet().stream()
					.map(e -> new KpiReport.Group(e.getKey(), groupBy.display(e.getKey()),
							Figures.of(new Figures.Population(period, now, e.getValue(), data.available()))))
					.sorted(groupOrder(groupBy))
					.toList();
		List<IncidentFacts> open = data.incidents().stream().filter(IncidentFacts::inBacklog).toList();
		List<IncidentFacts> opened = data.incidents().stream().filter(f -> period.contains(f.reportedAt())).toList();
		KpiReport.Backlog backlog = new KpiReport.Backlog(open.size(), counts(open, Dimension.PRIORITY, false),
				counts(open, Dimension.ASSIGNMENT_GROUP, true), ages(open, now));
		return new KpiReport(period.from(), period.to(), zone.getId(), now, groupBy == null ? null : groupBy.code(),
				Figures.of(all), groups, backlog, top(opened, Dimension.SERVICE), top(opened, Dimension.CONFIGURATION_ITEM),
				majorIncidents(data), notAvailable(data.available()));
	}

	public VolumeReport volume(ReportPeriod period, ReportInterval interval, Dimension groupBy) {
		return volume(period, interval, groupBy, ReportFilter.NONE);
	}

	public VolumeReport volume(ReportPeriod period, ReportInterval interval, Dimension groupBy, ReportFilter filter) {
		PeriodData data = filtered(reader.read(period, ActivityLog.now(), false), filter);
		List<VolumeReport.Series> groups = groupBy == null ? List.of()
				: partition(data.incidents(), groupBy).entrySet().stream()
					.sorted(Map.Entry.comparingByKey(Comparator.nullsLast(keyOrder(groupBy))))
					.map(e -> new VolumeReport.Series(e.getKey(), groupBy.display(e.getKey()),
							buckets(e.getValue(), period, interval)))
					.toList();
		return new VolumeReport(period.from(), period.to(), zone.getId(), interval.code(),
				groupBy == null ? null : groupBy.code(), buckets(data.incidents(), period, interval), groups);
	}

	private static PeriodData filtered(PeriodData data, ReportFilter filter) {
		if (filter.isEmpty()) {
			return data;
		}
		return new PeriodData(data.period(), data.now(), data.incidents().stream().filter(filter::matches).toList(),
				data.available(), data.childrenOfMajor());
	}

	/**
	 * The period's buckets with the events of each incident counted on the day they happened (in the reporting time
	 * zone). Each event finds its bucket by binary search over the buckets' first instants.
	 */
	static List<VolumeReport.Bucket> buckets(List<IncidentFacts> incidents, ReportPeriod period,
			ReportInterval interval) {
		List<LocalDate> starts = new ArrayList<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = interval.bucketEnd(day, period)
			.plusDays(1)) {
			starts.add(day);
		}
		long[] bounds = new long[starts.size()];
		for (int i = 0; i < bounds.length; i++) {
			bounds[i] = starts.get(i).atStartOfDay(period.zone()).toInstant().toEpochMilli();
		}
		long[][] counts = new long[starts.size()][4];
		for (IncidentFacts f : incidents) {
			count(counts, bounds, f.reportedAt(), 0, period);
			count(counts, bounds, f.resolvedAt(), 1, period);
			count(counts, bounds, f.closedAt(), 2, period);
			count(counts, bounds, f.canceledAt(), 3, period);
		}
		List<VolumeReport.Bucket> buckets = new ArrayList<>(starts.size());
		for (int i = 0; i < starts.size(); i++) {
			long[] c = counts[i];
			buckets.add(new VolumeReport.Bucket(starts.get(i), interval.bucketEnd(starts.get(i), period), c[0], c[1],
					c[2], c[3], c[0] - c[2] - c[3]));
		}
		return buckets;
	}

	private static void count(long[][] counts, long[] bounds, Instant at, int index, ReportPeriod period) {
		if (!period.contains(at)) {
			return;
		}
		int found = java.util.Arrays.binarySearch(bounds, at.toEpochMilli());
		counts[found >= 0 ? found : -found - 2][index]++;
	}

	private static Map<String, List<IncidentFacts>> partition(List<IncidentFacts> incidents, Dimension dimension) {
		Map<String, List<IncidentFacts>> groups = new LinkedHashMap<>();
		for (IncidentFacts f : incidents) {
			groups.computeIfAbsent(dimension.valueOf(f), key -> new ArrayList<>()).add(f);
		}
		return groups;
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

	private static List<Count> counts(List<IncidentFacts> incidents, Dimension dimension, boolean mostFirst) {
		Map<String, Long> counts = incidents.stream()
			.collect(Collectors.groupingBy(f -> Objects.requireNonNullElse(dimension.valueOf(f), "\0"),
					Collectors.counting()));
		Comparator<Map.Entry<String, Long>> order = mostFirst
				? Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())
				: Map.Entry.comparingByKey(Comparator.comparing((String k) -> k.equals("\0"))
					.thenComparing(k -> k.equals("\0") ? 0 : Integer.parseInt(k)));
		return counts.entrySet().stream().sorted(order).map(e -> {
			String key = e.getKey().equals("\0") ? null : e.getKey();
			return new Count(key, dimension.display(key), e.getValue());
		}).toList();
	}

	private static List<Count> top(List<IncidentFacts> opened, Dimension dimension) {
		return counts(opened.stream().filter(f -> dimension.valueOf(f) != null).toList(), dimension, true).stream()
			.limit(TOP).toList();
	}

	/** The backlog by age since reported, every bucket listed (zero included). */
	static List<Count> ages(List<IncidentFacts> open, Instant now) {
		long[] counts = new long[AGE_BUCKETS.size()];
		for (IncidentFacts f : open) {
			Duration age = Duration.between(f.reportedAt(), now);
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
