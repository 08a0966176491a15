package org.incidentflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Engine history does not pile up: the history cleanup removes a closed incident's engine history (process instance,
 * tasks, variables, decisions) once the model's {@code historyTimeToLive} has passed since it ended, while the
 * product's own record, its audit trail and activity, and the report figures computed from them stay. The cleanup
 * runs every night in the batch window of application.yaml; here its job is executed directly.
 */
class EngineHistoryCleanupTest extends WebTestSupport {

	/** historyTimeToLive of incident-management.bpmn and of its decisions. */
	static final Duration TIME_TO_LIVE = Duration.ofDays(180);

	@Autowired IncidentReporting reporting;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired ManagementService managementService;
	@Autowired HistoryService historyService;
	@Autowired IncidentRepository incidents;
	@Autowired ActivityRepository activity;

	final ObjectMapper json = new ObjectMapper();

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		managementService.createJobQuery().list().stream()
			.filter(job -> "history-cleanup".equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
				.getJobHandlerType()))
			.forEach(job -> managementService.deleteJob(job.getId()));
	}

	@Test
	void closedIncidentsLoseTheirEngineHistoryButKeepRecordTrailAndFigures() throws Exception {
		String service = IncidentFixtures.marker();
		ReportFixtures fixtures = new ReportFixtures(reporting, runtimeService, taskService, managementService);
		// Tuesday 7 January 2031, 09:00 Berlin: triaged after 10 min, resolved after 60, closed after 70
		ReportFixtures.Fixture closed = fixtures.p2(service, LocalDateTime.of(2031, 1, 7, 9, 0)).triage(10).resolve(60)
			.close(70);
		// reported the same morning, still open: its history must stay whatever the clock says
		ReportFixtures.Fixture open = fixtures.p2(service, LocalDateTime.of(2031, 1, 7, 9, 30)).triage(40);

		HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(closed.number).singleResult();
		assertThat(ended.getEndTime()).isNotNull();
		Instant endedAt = ended.getEndTime().toInstant();
		assertThat(ended.getRemovalTime().toInstant()).isEqualTo(endedAt.plus(TIME_TO_LIVE));
		String instanceId = ended.getId();
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isPositive();
		assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count())
			.isPositive();
		List<ActivityEntry> trail = activity.findByIncidentIdOrderByAtAscIdAsc(incident(closed.number).getId());
		JsonNode before = figures(service);

		// a day before the time to live is over: nothing goes
		ReportFixtures.clock(endedAt.plus(TIME_TO_LIVE).minus(Duration.ofDays(1)));
		cleanUp();
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();

		// a day after: the engine history of the closed incident is gone
		ReportFixtures.clock(endedAt.plus(TIME_TO_LIVE).plus(Duration.ofDays(1)));
		cleanUp();
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
		assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count()).isZero();
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isZero();
		assertThat(historyService.createHistoricDetailQuery().processInstanceId(instanceId).count()).isZero();
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count()).isZero();
		assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count()).isZero();

		// the open incident keeps its history (it has no removal time yet)
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(open.number).count())
			.isOne();

		// the product's record, trail and figures are untouched
		Incident record = incident(closed.number);
		assertThat(record.getState()).isEqualTo(State.CLOSED);
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(record.getId())).extracting(ActivityEntry::getId)
			.containsExactlyElementsOf(trail.stream().map(ActivityEntry::getId).toList());
		assertThat(trail).extracting(ActivityEntry::getEvent).contains("FIELD_CHANGED", "STATE_CHANGED");
		JsonNode after = figures(service);
		// figures of the period (the backlog's age buckets move with the clock, so they are not compared)
		for (String figure : List.of("opened", "resolved", "closed", "mttaMinutes", "mttrMinutes", "mttrMedianMinutes",
				"responseSlaMetPercent", "resolutionSlaMetPercent", "firstContactResolutionPercent", "reopenRatePercent")) {
			assertThat(after.get(figure)).as(figure).isEqualTo(before.get(figure));
		}
		assertThat(after.get("opened").asLong()).isEqualTo(2);
		assertThat(after.get("resolved").asLong()).isEqualTo(1);
		assertThat(after.get("mttaMinutes").decimalValue()).isEqualByComparingTo("25");
		assertThat(after.get("mttrMinutes").decimalValue()).isEqualByComparingTo("60");
	}

	/** What the nightly cleanup job does, run now (outside the batch window). */
	private void cleanUp() {
		Job job = historyService.cleanUpHistoryAsync(true);
		managementService.executeJob(job.getId());
	}

	private Incident incident(String number) {
		return incidents.findByNumber(number).orElseThrow();
	}

	private JsonNode figures(String service) throws Exception {
		HttpResponse<String> response = get("/api/reports/kpis?from=2031-01-06&to=2031-01-12&service="
				+ encode(service), "maria");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("figures");
	}

}
