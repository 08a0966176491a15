package org.incidentflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The arithmetic under the figures, without a database: percentiles, rounding, buckets, CSV. */
class ReportCalculationTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void percentilesInterpolateLikePercentileCont() {
		List<Duration> minutes = List.of(10, 20, 30, 40).stream().map(m -> Duration.ofMinutes(m)).toList();
		assertThat(Stats.percentileMinutes(minutes, 0.5)).hasToString("25.0");
		assertThat(Stats.percentileMinutes(minutes, 0.9)).hasToString("37.0");
		assertThat(Stats.percentileMinutes(List.of(Duration.ofSeconds(90)), 0.9)).hasToString("1.5");
		assertThat(Stats.percentileMinutes(List.of(), 0.5)).isNull();
		assertThat(Stats.meanMinutes(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)))).hasToString("1.5");
	}

	@Test
	void percentagesHaveOneDecimalAndNoneWithoutADenominator() {
		assertThat(Stats.percent(1, 3)).hasToString("33.3");
		assertThat(Stats.percent(2, 3)).hasToString("66.7");
		assertThat(Stats.percent(0, 5)).hasToString("0.0");
		assertThat(Stats.percent(0, 0)).isNull();
	}

	@Test
	void daysAreCountedInTheReportingTimeZone() {
		ReportPeriod march = new ReportPeriod(LocalDate.of(2031, 3, 30), LocalDate.of(2031, 3, 30), BERLIN);
		// the day summer time starts has 23 hours: 00:00 CET to 00:00 CEST
		assertThat(Duration.between(march.start(), march.end())).isEqualTo(Duration.ofHours(23));
		assertThat(march.contains(Instant.parse("2031-03-29T22:59:59Z"))).isFalse();
		assertThat(march.contains(Instant.parse("2031-03-29T23:00:00Z"))).isTrue();
		assertThat(march.contains(Instant.parse("2031-03-30T22:00:00Z"))).isFalse();
	}

	@Test
	void weeksRunMondayToSundayCutAtThePeriodsEdges() {
		ReportPeriod period = new ReportPeriod(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 5, 13), BERLIN);
		assertThat(ReportInterval.WEEK.bucketStart(LocalDate.of(2031, 5, 3), period)).isEqualTo("2031-05-01");
		assertThat(ReportInterval.WEEK.bucketStart(LocalDate.of(2031, 5, 8), period)).isEqualTo("2031-05-05");
		assertThat(ReportInterval.WEEK.bucketEnd(LocalDate.of(2031, 5, 12), period)).isEqualTo("2031-05-13");
	}

	@Test
	void backlogAgesAreBucketedAtTheirLowerBound() {
		Instant now = Instant.parse("2031-06-30T12:00:00Z");
		List<IncidentFacts> open = List.of(aged(now, Duration.ofHours(23)), aged(now, Duration.ofDays(1)),
				aged(now, Duration.ofDays(3)), aged(now, Duration.ofDays(7)), aged(now, Duration.ofDays(30)),
				aged(now, Duration.ofDays(400)));
		assertThat(ReportService.ages(open, now)).extracting(c -> c.key() + "=" + c.count())
			.containsExactly("lt1d=1", "1to3d=1", "3to7d=1", "7to30d=1", "gt30d=2");
	}

	@Test
	void csvQuotesAndDefusesFormulas() {
		assertThat(CsvTables.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(CsvTables.cell("+1")).isEqualTo("'+1");
		assertThat(CsvTables.cell("VPN, Lyon")).isEqualTo("\"VPN, Lyon\"");
		assertThat(CsvTables.cell(-3L)).isEqualTo("-3");
		assertThat(CsvTables.cell(new java.math.BigDecimal("12.5"))).isEqualTo("12.5");
		assertThat(CsvTables.cell(null)).isEmpty();
		assertThat(CsvTables.write(List.of(List.of("a", "b"), List.of(1, 2)))).isEqualTo("a,b\r\n1,2\r\n");
	}

	@Test
	void unavailableFeaturesAreNamedWithTheirReason() {
		Map<String, String> reasons = ReportService.notAvailable(new ReportSources.Available(false, false, false));
		assertThat(reasons).containsKeys("csatAverage", "csatResponseRatePercent", "knowledgeUsePercent",
				"majorIncidents");
		assertThat(ReportService.notAvailable(new ReportSources.Available(true, true, true))).isEmpty();
	}

	/**
	 * Satisfaction, knowledge use and major incidents, computed as they will be once their features add the records:
	 * four incidents resolved on 2 June 2031, three rated (5, 4, 2: mean 3.67, 3 of 4 = 75.0 %), one with applied
	 * knowledge (25.0 %); one major incident reported that day with two children, resolved after 90 minutes.
	 */
	@Test
	void figuresOfOtherFeaturesWhenTheirRecordsExist() {
		ReportPeriod day = new ReportPeriod(LocalDate.of(2031, 6, 2), LocalDate.of(2031, 6, 2), BERLIN);
		Instant reported = day.start().plus(Duration.ofHours(9));
		Instant resolved = reported.plus(Duration.ofMinutes(90));
		List<IncidentFacts> incidents = List.of(rated(1, reported, resolved, 5, true, true),
				rated(2, reported, resolved, 4, false, false), rated(3, reported, resolved, 2, false, false),
				rated(4, reported, resolved, null, false, false));
		ReportSources.Available all = new ReportSources.Available(true, true, true);
		KpiFigures f = Figures.of(new Figures.Population(day, resolved, incidents, all));
		assertThat(f.csatResponses()).isEqualTo(3);
		assertThat(f.csatAverage()).hasToString("3.67");
		assertThat(f.csatResponseRatePercent()).hasToString("75.0");
		assertThat(f.knowledgeApplied()).isEqualTo(1);
		assertThat(f.knowledgeUsePercent()).hasToString("25.0");
		KpiReport.MajorIncidents major = ReportService.majorIncidents(new ReportReader.PeriodData(day, resolved,
				incidents, all, Map.of(1L, 2)));
		assertThat(major).isEqualTo(new KpiReport.MajorIncidents(1, 1, new java.math.BigDecimal("90.0"), 2));

		// without those features: absent, not zero
		ReportSources.Available none = new ReportSources.Available(false, false, false);
		KpiFigures without = Figures.of(new Figures.Population(day, resolved, incidents, none));
		assertThat(without.csatAverage()).isNull();
		assertThat(without.csatResponses()).isNull();
		assertThat(without.knowledgeUsePercent()).isNull();
		assertThat(ReportService.majorIncidents(new ReportReader.PeriodData(day, resolved, incidents, none, Map.of())))
			.isNull();
	}

	private static IncidentFacts rated(long id, Instant reported, Instant resolved, Integer score, boolean knowledge,
			boolean major) {
		return new IncidentFacts(id, 2, "svc", null, "general", "service-desk", "portal", "resolved", reported,
				reported.plusSeconds(600), resolved, null, null, null, 0, false, false, 0, false, null, false, null,
				knowledge, score, major);
	}

	private static IncidentFacts aged(Instant now, Duration age) {
		return new IncidentFacts(1, 3, "svc", null, "general", "service-desk", "portal", "in_progress",
				now.minus(age), null, null, null, null, null, 0, false, false, 0, false, null, false, null, null, null,
				null);
	}

}
