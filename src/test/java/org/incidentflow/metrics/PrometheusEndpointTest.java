package org.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.intake.IntakeTestSupport;
import org.incidentflow.process.SlaTimers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scrapes {@code /actuator/prometheus} before and after a few incidents and alert deliveries: the counters moved by
 * exactly what happened, the gauges equal the database, every named series is there, and no label carries an
 * incident number.
 */
class PrometheusEndpointTest extends WebTestSupport {

	@Autowired IncidentReporting reporting;
	@Autowired TaskService taskService;
	@Autowired RuntimeService runtimeService;
	@Autowired ManagementService managementService;
	@Autowired DatabaseGauges gauges;
	@Autowired JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void onlyAdministratorsScrape() {
		assertThat(anonymousGet("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "maria").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/metrics", "paul").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
		assertThat(anonymousGet("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void countersAndGaugesAfterAFewIncidents() {
		String before = scrape();
		String service = IncidentFixtures.marker();
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2031, 6, 2, 9, 0).atZone(java.time.ZoneId.of("Europe/Berlin"))
			.toInstant()));
		// three P1 incidents by phone: one resolved, one left untriaged past its 15 min response target
		String resolved = report(service);
		String breached = report(service);
		report(service);
		complete(resolved, Tasks.TRIAGE, Map.of(Vars.CLASSIFICATION, "incident"));
		complete(resolved, Tasks.INVESTIGATE, Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
				"restart", Vars.RESOLUTION_NOTES, "Restarted", Vars.WORKAROUND, ""));
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(breached)
			.singleResult();
		SlaTimers timers = new SlaTimers(managementService);
		// P1 response: warning at 75 % (11 min 15 s), breach at 15 min
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 12 * 60_000));
		timers.fireDue(instance);
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 4 * 60_000));
		timers.fireDue(instance);
		// an alert delivered twice: received twice, deduplicated once
		String run = IntakeTestSupport.newRun();
		String alert = IntakeTestSupport.resource("alertmanager-firing.json", run);
		assertThat(postJson("/api/intake/alertmanager", "monitoring", alert).statusCode()).isLessThan(300);
		assertThat(postJson("/api/intake/alertmanager", "monitoring", alert).statusCode()).isLessThan(300);
		gauges.refresh();
		String after = scrape();

		String p1Phone = "priority=\"1\",channel=\"phone\"";
		assertThat(value(after, "incidentflow_incidents_opened_total", p1Phone)
				- value(before, "incidentflow_incidents_opened_total", p1Phone)).isEqualTo(3);
		assertThat(value(after, "incidentflow_incidents_resolved_total", p1Phone)
				- value(before, "incidentflow_incidents_resolved_total", p1Phone)).isEqualTo(1);
		// only the second one's timers were fired: one warning, one breach
		String responseP1 = "target=\"response\",priority=\"1\"";
		assertThat(value(after, "incidentflow_sla_breaches_total", responseP1)
				- value(before, "incidentflow_sla_breaches_total", responseP1)).isEqualTo(1);
		assertThat(value(after, "incidentflow_sla_warnings_total", responseP1)
				- value(before, "incidentflow_sla_warnings_total", responseP1)).isEqualTo(1);
		String alertmanager = "source=\"alertmanager\"";
		assertThat(value(after, "incidentflow_alerts_received_total", alertmanager)
				- value(before, "incidentflow_alerts_received_total", alertmanager)).isEqualTo(2);
		assertThat(value(after, "incidentflow_alerts_deduplicated_total", alertmanager)
				- value(before, "incidentflow_alerts_deduplicated_total", alertmanager)).isEqualTo(1);

		Long openP1ServiceDesk = jdbc.queryForObject("select count(*) from incident where kind = 'INCIDENT' and state in"
				+ " ('NEW', 'IN_PROGRESS', 'ON_HOLD') and priority = 1 and assignment_group = 'service-desk'", Long.class);
		assertThat(value(after, "incidentflow_incidents_open", "priority=\"1\",group=\"service-desk\""))
			.isEqualTo(openP1ServiceDesk.doubleValue()).isGreaterThanOrEqualTo(2);
		Long pending = jdbc.queryForObject("select count(*) from notification_outbox where status = 'PENDING'",
				Long.class);
		assertThat(value(after, "incidentflow_notifications_outbox_pending", "")).isEqualTo(pending.doubleValue());

		for (String series : new String[] { "incidentflow_alerts_attached_total", "incidentflow_notifications_outbox_failed",
				"incidentflow_jobs_acquired_total", "incidentflow_jobs_rejected_total", "incidentflow_jobs_failed_total",
				"incidentflow_jobs_acquisition_failed_total", "incidentflow_jobs_executed_total" }) {
			assertThat(after).as(series).containsPattern("(?m)^" + series + "[{ ]");
		}
		assertThat(after).doesNotContainPattern("INC-\\d{6}");
	}

	String report(String service) {
		return reporting.report(new NewIncident("Metrics fixture " + service, "Made by the metrics test", "rita",
				Channel.PHONE, service, null, IncidentType.SOFTWARE, Level.HIGH, Level.HIGH)).getNumber();
	}

	void complete(String number, String taskKey, Map<String, Object> variables) {
		String id = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
			.singleResult().getId();
		taskService.complete(id, new HashMap<>(variables));
	}

	String scrape() {
		var response = get("/actuator/prometheus", "admin");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** Sum of the samples of a series whose labels contain {@code labels} (0 when there is none yet). */
	static double value(String scrape, String name, String labels) {
		Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$");
		Matcher m = line.matcher(scrape);
		double sum = 0;
		while (m.find()) {
			String found = m.group(1) == null ? "" : m.group(1);
			boolean all = true;
			for (String label : labels.isEmpty() ? new String[0] : labels.split(",(?=[a-z_]+=)")) {
				all &= found.contains(label);
			}
			if (all) {
				sum += Double.parseDouble(m.group(2));
			}
		}
		return sum;
	}

}
