package org.incidentflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.reporting.ReportFixtures.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every figure of {@code GET /api/reports/kpis} and {@code /volume} against incidents driven through the real process
 * at known moments (engine clock), the expected values computed by hand in the comments. Each test has a service of
 * its own and asks the report for that service only, so tests sharing the database do not disturb each other.
 */
class ReportFiguresTest extends WebTestSupport {

	@Autowired IncidentReporting reporting;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired ManagementService managementService;

	final ObjectMapper json = new ObjectMapper();
	ReportFixtures fixtures;
	String service;

	@BeforeEach
	void setUp() {
		fixtures = new ReportFixtures(reporting, runtimeService, taskService, managementService);
		service = IncidentFixtures.marker();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/**
	 * Ten incidents reported on Monday 3 March 2031 from 08:00 (Berlin), every ten minutes; all P2 (response 30 min,
	 * resolution 8 h, 24x7) except J (P1: 15 min, 4 h). Minutes after each one's report:
	 * <pre>
	 *      triage  escalated  on hold   resolved  notes
	 *   A    10                          60       closed (confirmed + closure review at 70)
	 *   B    20                         120       closed at 130
	 *   C     5    30                   180
	 *   D    15    40                   240
	 *   E    10    20                   300
	 *   F    45                          90       response breached (timers fired at 45)
	 *   G    10                         540       resolution breached (timers fired at 480)
	 *   H    10                         130       resolved at 60, rejected at 70 (reopened), resolved again at 130
	 *   I    10              20 → 140   200       120 min on hold
	 *   J     5                          50       P1, by phone
	 * </pre>
	 * MTTA: 10+20+5+15+10+45+10+10+10+5 = 140 / 10 = 14.0; median of 5 5 10 10 10 10 10 15 20 45 = 10.0.
	 * MTTR: 60+120+180+240+300+90+540+130+200+50 = 1910 / 10 = 191.0; sorted 50 60 90 120 130 180 200 240 300 540:
	 * median (130+180)/2 = 155.0, p90 (rank 8.1) 300 + 0.1 × 240 = 324.0. Without hold I counts 80: mean
	 * 1790 / 10 = 179.0, median (120+130)/2 = 125.0, p90 324.0. SLA: F missed its response, G its resolution: 90.0 %
	 * each. First contact resolution: all but C, D, E (escalated) and H (reopened): 6 / 10 = 60.0 %. Reopen rate
	 * 1 / 10 = 10.0 %, escalation rate 3 / 10 = 30.0 %.
	 */
	@Test
	void tenIncidentsTwoBreachedOneReopenedThreeEscalated() throws Exception {
		LocalDateTime monday8 = LocalDateTime.of(2031, 3, 3, 8, 0);
		List<Fixture> all = new ArrayList<>();
		all.add(fixtures.p2(service, monday8).triage(10).resolve(60).close(70));
		all.add(fixtures.p2(service, monday8.plusMinutes(10)).triage(20).resolve(120).close(130));
		all.add(fixtures.p2(service, monday8.plusMinutes(20)).triage(5).escalate(30, "network-ops").resolve(180));
		all.add(fixtures.p2(service, monday8.plusMinutes(30)).triage(15).escalate(40, "network-ops").resolve(240));
		all.add(fixtures.p2(service, monday8.plusMinutes(40)).triage(10).escalate(20, "network-ops").resolve(300));
		all.add(fixtures.p2(service, monday8.plusMinutes(50)).fireTimers(45).triage(45).resolve(90));
		all.add(fixtures.p2(service, monday8.plusMinutes(60)).triage(10).fireTimers(480).resolve(540));
		all.add(fixtures.p2(service, monday8.plusMinutes(70)).triage(10).resolve(60).reject(70).resolve(130));
		all.add(fixtures.p2(service, monday8.plusMinutes(80)).triage(10).hold(20).resume(140).resolve(200));
		all.add(fixtures.p1(service, monday8.plusMinutes(90), Channel.PHONE).triage(5).resolve(50));
		ReportFixtures.clock(ReportFixtures.local(LocalDateTime.of(2031, 3, 5, 12, 0)));

		JsonNode report = kpis("from=2031-03-03&to=2031-03-09&groupBy=priority");
		JsonNode f = report.get("figures");
		assertThat(report.get("from").asText()).isEqualTo("2031-03-03");
		assertThat(report.get("timezone").asText()).isEqualTo("Europe/Berlin");
		assertThat(f.get("opened").asLong()).isEqualTo(10);
		assertThat(f.get("resolved").asLong()).isEqualTo(10);
		assertThat(f.get("closed").asLong()).isEqualTo(2);
		assertThat(f.get("canceled").asLong()).isZero();
		assertThat(f.get("backlogGrowth").asLong()).isEqualTo(8);
		assertThat(f.get("backlog").asLong()).isZero();
		assertThat(f.get("responded").asLong()).isEqualTo(10);
		assertThat(decimal(f, "mttaMinutes")).isEqualTo("14.0");
		assertThat(decimal(f, "mttaMedianMinutes")).isEqualTo("10.0");
		assertThat(decimal(f, "mttrMinutes")).isEqualTo("191.0");
		assertThat(decimal(f, "mttrMedianMinutes")).isEqualTo("155.0");
		assertThat(decimal(f, "mttrP90Minutes")).isEqualTo("324.0");
		assertThat(decimal(f, "mttrExcludingHoldMinutes")).isEqualTo("179.0");
		assertThat(decimal(f, "mttrExcludingHoldMedianMinutes")).isEqualTo("125.0");
		assertThat(decimal(f, "mttrExcludingHoldP90Minutes")).isEqualTo("324.0");
		assertThat(f.get("responseSlaMissed").asLong()).isEqualTo(1);
		assertThat(f.get("resolutionSlaMissed").asLong()).isEqualTo(1);
		assertThat(decimal(f, "responseSlaMetPercent")).isEqualTo("90.0");
		assertThat(decimal(f, "resolutionSlaMetPercent")).isEqualTo("90.0");
		assertThat(f.get("firstContactResolved").asLong()).isEqualTo(6);
		assertThat(decimal(f, "firstContactResolutionPercent")).isEqualTo("60.0");
		assertThat(f.get("reopened").asLong()).isEqualTo(1);
		assertThat(decimal(f, "reopenRatePercent")).isEqualTo("10.0");
		assertThat(f.get("escalated").asLong()).isEqualTo(3);
		assertThat(decimal(f, "escalationRatePercent")).isEqualTo("30.0");
		// the portal's satisfaction survey exists (incident.csat_score) but nobody rated these: no mean, zero responses
		assertThat(f.get("csatAverage").isNull()).isTrue();
		// the knowledge feature exists (known_error, knowledge_article): none of these ten applied any
		assertThat(f.get("knowledgeApplied").asLong()).isZero();
		assertThat(report.get("notAvailable").has("knowledgeUsePercent")).isFalse();
		// the portal's survey exists (incident.csat_score): none of these ten was rated
		assertThat(f.get("csatResponses").asLong()).isZero();
		assertThat(report.get("notAvailable").has("csatAverage")).isFalse();
		// the major-incident feature exists (incident.major): none of these ten is one
		assertThat(report.get("majorIncidents").get("count").asLong()).isZero();
		assertThat(report.get("majorIncidents").get("children").asLong()).isZero();
		assertThat(report.get("notAvailable").has("majorIncidents")).isFalse();

		// P1: J alone (MTTA 5, MTTR 50); P2: the other nine (MTTA 135 / 9 = 15.0, MTTR 1860 / 9 = 206.7)
		JsonNode groups = report.get("groups");
		assertThat(groups).hasSize(2);
		assertThat(groups.get(0).get("label").asText()).isEqualTo("P1");
		assertThat(groups.get(0).get("figures").get("opened").asLong()).isEqualTo(1);
		assertThat(decimal(groups.get(0).get("figures"), "mttaMinutes")).isEqualTo("5.0");
		assertThat(decimal(groups.get(0).get("figures"), "mttrMinutes")).isEqualTo("50.0");
		assertThat(groups.get(1).get("label").asText()).isEqualTo("P2");
		assertThat(groups.get(1).get("figures").get("opened").asLong()).isEqualTo(9);
		assertThat(decimal(groups.get(1).get("figures"), "mttaMinutes")).isEqualTo("15.0");
		assertThat(decimal(groups.get(1).get("figures"), "mttrMinutes")).isEqualTo("206.7");
		// first contact resolution within P2: 5 of 9 = 55.6 %
		assertThat(decimal(groups.get(1).get("figures"), "firstContactResolutionPercent")).isEqualTo("55.6");

		// by assignment group: C, D, E ended at network-ops (counted where they are now), seven at service-desk
		JsonNode byGroup = kpis("from=2031-03-03&to=2031-03-09&groupBy=assignmentGroup").get("groups");
		assertThat(byGroup).hasSize(2);
		assertThat(byGroup.get(0).get("key").asText()).isEqualTo("service-desk");
		assertThat(byGroup.get(0).get("figures").get("resolved").asLong()).isEqualTo(7);
		assertThat(byGroup.get(1).get("key").asText()).isEqualTo("network-ops");
		assertThat(decimal(byGroup.get(1).get("figures"), "firstContactResolutionPercent")).isEqualTo("0.0");
		// by channel: J by phone
		JsonNode byChannel = kpis("from=2031-03-03&to=2031-03-09&groupBy=channel").get("groups");
		assertThat(byChannel).extracting(g -> g.get("key").asText() + "=" + g.get("figures").get("opened").asLong())
			.containsExactly("portal=9", "phone=1");

		assertThat(report.get("topServices")).hasSize(1);
		assertThat(report.get("topServices").get(0).get("key").asText()).isEqualTo(service);
		assertThat(report.get("topServices").get(0).get("count").asLong()).isEqualTo(10);

		// all of it on Monday 3 March; the rest of the week is empty
		JsonNode days = volume("from=2031-03-03&to=2031-03-09&interval=day").get("buckets");
		assertThat(days).hasSize(7);
		assertThat(bucket(days.get(0))).isEqualTo("2031-03-03..2031-03-03 opened=10 resolved=10 closed=2 canceled=0 growth=8");
		assertThat(bucket(days.get(6))).isEqualTo("2031-03-09..2031-03-09 opened=0 resolved=0 closed=0 canceled=0 growth=0");
		JsonNode weeks = volume("from=2031-03-03&to=2031-03-09&interval=week").get("buckets");
		assertThat(weeks).hasSize(1);
		assertThat(bucket(weeks.get(0))).isEqualTo("2031-03-03..2031-03-09 opened=10 resolved=10 closed=2 canceled=0 growth=8");
		assertThat(all).hasSize(10);
	}

	/**
	 * Incidents across the period's edges (period Monday 10 to Sunday 16 March 2031):
	 * X reported Sunday 9 at 23:00, triaged 23:10, resolved Monday 10 at 01:00 (resolved in the period, not opened in
	 * it, first response before it); Y reported Sunday 16 at 23:30, triaged Monday 17 at 00:10 (opened in the period,
	 * responded after it, 40 min: past its 30 min target, still open); Z reported Wednesday 12 at 10:00, canceled at
	 * 10:30. "Now" is Thursday 20 at 12:00: Y is 3 days 12 h 30 min old.
	 */
	@Test
	void incidentsAcrossThePeriodsEdges() throws Exception {
		fixtures.p2(service, LocalDateTime.of(2031, 3, 9, 23, 0)).triage(10).resolve(120);
		fixtures.p2(service, LocalDateTime.of(2031, 3, 16, 23, 30)).triage(40);
		fixtures.p2(service, LocalDateTime.of(2031, 3, 12, 10, 0)).cancel(30);
		ReportFixtures.clock(ReportFixtures.local(LocalDateTime.of(2031, 3, 20, 12, 0)));

		JsonNode report = kpis("from=2031-03-10&to=2031-03-16");
		JsonNode f = report.get("figures");
		assertThat(f.get("opened").asLong()).isEqualTo(2);
		assertThat(f.get("resolved").asLong()).isEqualTo(1);
		assertThat(f.get("canceled").asLong()).isEqualTo(1);
		assertThat(f.get("closed").asLong()).isZero();
		assertThat(f.get("backlogGrowth").asLong()).isEqualTo(1);
		assertThat(f.get("backlog").asLong()).isEqualTo(1);
		assertThat(f.get("backlogResponseBreached").asLong()).isEqualTo(1);
		assertThat(f.get("responded").asLong()).isZero();
		assertThat(f.get("mttaMinutes").isNull()).isTrue();
		assertThat(decimal(f, "mttrMinutes")).isEqualTo("120.0");
		assertThat(decimal(f, "mttrMedianMinutes")).isEqualTo("120.0");
		assertThat(decimal(f, "mttrP90Minutes")).isEqualTo("120.0");
		assertThat(decimal(f, "responseSlaMetPercent")).isEqualTo("100.0");
		assertThat(decimal(f, "firstContactResolutionPercent")).isEqualTo("100.0");
		assertThat(decimal(f, "reopenRatePercent")).isEqualTo("0.0");
		assertThat(report.get("groups")).isEmpty();
		assertThat(report.get("backlogNow").get("byAge")).extracting(c -> c.get("key").asText() + "=" + c.get("count").asLong())
			.containsExactly("lt1d=0", "1to3d=0", "3to7d=1", "7to30d=0", "gt30d=0");
		assertThat(report.get("backlogNow").get("byPriority")).extracting(c -> c.get("label").asText() + "=" + c.get("count").asLong())
			.containsExactly("P2=1");

		JsonNode days = volume("from=2031-03-10&to=2031-03-16").get("buckets");
		assertThat(days).hasSize(7);
		assertThat(bucket(days.get(0))).isEqualTo("2031-03-10..2031-03-10 opened=0 resolved=1 closed=0 canceled=0 growth=0");
		assertThat(bucket(days.get(2))).isEqualTo("2031-03-12..2031-03-12 opened=1 resolved=0 closed=0 canceled=1 growth=0");
		assertThat(bucket(days.get(6))).isEqualTo("2031-03-16..2031-03-16 opened=1 resolved=0 closed=0 canceled=0 growth=1");

		// Y's first response falls into the next day: MTTA 40 there
		JsonNode next = kpis("from=2031-03-17&to=2031-03-17").get("figures");
		assertThat(next.get("opened").asLong()).isZero();
		assertThat(next.get("responded").asLong()).isEqualTo(1);
		assertThat(decimal(next, "mttaMinutes")).isEqualTo("40.0");
	}

	@Test
	void oneIncident() throws Exception {
		fixtures.p1(service, LocalDateTime.of(2031, 4, 1, 14, 0), Channel.MONITORING).triage(3).resolve(33);
		JsonNode f = kpis("from=2031-04-01&to=2031-04-01").get("figures");
		assertThat(f.get("opened").asLong()).isEqualTo(1);
		assertThat(decimal(f, "mttaMinutes")).isEqualTo("3.0");
		assertThat(decimal(f, "mttaMedianMinutes")).isEqualTo("3.0");
		assertThat(decimal(f, "mttrMinutes")).isEqualTo("33.0");
		assertThat(decimal(f, "mttrP90Minutes")).isEqualTo("33.0");
		assertThat(decimal(f, "resolutionSlaMetPercent")).isEqualTo("100.0");
		assertThat(decimal(f, "firstContactResolutionPercent")).isEqualTo("100.0");
	}

	@Test
	void emptyPeriodHasZeroCountsAndNoAverages() throws Exception {
		JsonNode report = kpis("from=2031-05-01&to=2031-05-31&groupBy=service");
		JsonNode f = report.get("figures");
		assertThat(f.get("opened").asLong()).isZero();
		assertThat(f.get("resolved").asLong()).isZero();
		assertThat(f.get("backlog").asLong()).isZero();
		for (String figure : List.of("mttaMinutes", "mttrMinutes", "mttrMedianMinutes", "mttrP90Minutes",
				"responseSlaMetPercent", "resolutionSlaMetPercent", "firstContactResolutionPercent",
				"reopenRatePercent")) {
			assertThat(f.has(figure)).as(figure + " present").isTrue();
			assertThat(f.get(figure).isNull()).as(figure + " null").isTrue();
		}
		assertThat(report.get("groups")).isEmpty();
		assertThat(report.get("topServices")).isEmpty();
		JsonNode weeks = volume("from=2031-05-01&to=2031-05-31&interval=week").get("buckets");
		// Thursday 1 to Sunday 4, then four Monday-to-Sunday weeks, then Monday 26 to Saturday 31
		assertThat(weeks).extracting(b -> b.get("start").asText() + ".." + b.get("end").asText()).containsExactly(
				"2031-05-01..2031-05-04", "2031-05-05..2031-05-11", "2031-05-12..2031-05-18",
				"2031-05-19..2031-05-25", "2031-05-26..2031-05-31");
		assertThat(weeks).allSatisfy(b -> assertThat(b.get("opened").asLong()).isZero());
	}

	@Test
	void badParametersAreProblemsNamingTheField() throws Exception {
		assertProblem("/api/reports/kpis?from=2031-13-01&to=2031-12-31", "from");
		assertProblem("/api/reports/kpis?from=2031-03-10&to=2031-03-01", "from");
		assertProblem("/api/reports/kpis?from=2020-01-01&to=2031-01-01", "to");
		assertProblem("/api/reports/kpis?groupBy=colour", "groupBy");
		assertProblem("/api/reports/kpis?priority=7", "priority");
		assertProblem("/api/reports/kpis?channel=fax", "channel");
		assertProblem("/api/reports/volume?interval=month", "interval");
		assertProblem("/api/reports/volume?to=yesterday", "to");
	}

	@Test
	void onlyIncidentManagersProcessOwnersAndAdministrators() {
		assertThat(get("/api/reports/kpis", "maria").statusCode()).isEqualTo(200);
		assertThat(get("/api/reports/volume", "paul").statusCode()).isEqualTo(200);
		assertThat(get("/api/reports/kpis", "admin").statusCode()).isEqualTo(200);
		assertThat(get("/api/reports/kpis", "alice").statusCode()).isEqualTo(403);
		assertThat(get("/api/reports/kpis", "rita").statusCode()).isEqualTo(403);
		assertThat(anonymousGet("/api/reports/kpis").statusCode()).isEqualTo(401);
	}

	@Test
	void reportsAreInTheOpenApiDescription() throws Exception {
		JsonNode api = json.readTree(get("/api/openapi", "maria").body());
		assertThat(api.get("paths").has("/api/reports/kpis")).isTrue();
		assertThat(api.get("paths").has("/api/reports/volume")).isTrue();
		assertThat(api.get("components").get("schemas").get("KpiFigures").get("properties").has("mttrMedianMinutes"))
			.isTrue();
	}

	void assertProblem(String path, String field) throws Exception {
		HttpResponse<String> response = get(path, "maria");
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).contains(field);
	}

	JsonNode kpis(String query) throws Exception {
		return read("/api/reports/kpis?" + query + "&service=" + encode(service));
	}

	JsonNode volume(String query) throws Exception {
		return read("/api/reports/volume?" + query + "&service=" + encode(service));
	}

	JsonNode read(String path) throws Exception {
		HttpResponse<String> response = get(path, "maria");
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	static String decimal(JsonNode figures, String name) {
		JsonNode value = figures.get(name);
		assertThat(value).as(name).isNotNull();
		return value.isNull() ? null : value.decimalValue().toPlainString();
	}

	static String bucket(JsonNode b) {
		return b.get("start").asText() + ".." + b.get("end").asText() + " opened=" + b.get("opened").asLong()
				+ " resolved=" + b.get("resolved").asLong() + " closed=" + b.get("closed").asLong() + " canceled="
				+ b.get("canceled").asLong() + " growth=" + b.get("backlogGrowth").asLong();
	}

}
