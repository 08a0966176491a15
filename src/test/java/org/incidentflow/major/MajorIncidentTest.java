package org.incidentflow.major;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.CancellationRequest;
import org.incidentflow.incident.api.IncidentActions;
import org.incidentflow.outbound.mail.OutboxMailRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The major incident on the full stack (real delegates, JPA records, the children's own incident-management
 * instances): declare, link 25 children, roles, a status update to every caller, resolve the parent and with it
 * every child, and the linking rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class MajorIncidentTest {

	static final Instant MONDAY_10 = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();

	@Autowired MajorIncidents majorIncidents;
	@Autowired MajorIncidentService service;
	@Autowired IncidentReporting reporting;
	@Autowired IncidentRepository incidents;
	@Autowired IncidentActions actions;
	@Autowired OutboxMailRepository outbox;
	@Autowired StatusUpdateRepository updates;
	@Autowired ProcessEngine engine;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired TransactionTemplate transaction;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(MONDAY_10));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
	}

	String report(String title, String caller, String service) {
		return reporting.report(new NewIncident(title, "From the test", caller, Channel.PORTAL, service, null,
				IncidentType.SERVICE_OUTAGE, Level.HIGH, Level.HIGH)).getNumber();
	}

	Incident record(String number) {
		return transaction.execute(status -> {
			Incident incident = incidents.findByNumber(number).orElseThrow();
			if (incident.getParent() != null) {
				incident.getParent().getNumber();
			}
			return incident;
		});
	}

	Task task(String businessKey, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
	}

	long notices(String number, IncidentNotice.Kind kind) {
		return outbox.findByIncidentNumberOrderByIdAsc(number).stream().filter(m -> m.notice().kind() == kind).count();
	}

	@Test
	void declaredMajorIncidentWithTwentyFiveChildrenResolvesThemAllAndTellsEveryCaller() {
		String parent = report("VPN down for everyone", "carol", "VPN-MI-1");
		assertThat(majorIncidents.declare(parent, "25 reports in 10 minutes", "ian")).isEqualTo(parent);
		// idempotent
		assertThat(majorIncidents.declare(parent, "again", "ian")).isEqualTo(parent);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
			.processInstanceBusinessKey(parent).count()).isOne();
		assertThat(record(parent).isMajor()).isTrue();
		assertThat(majorIncidents.openMajorIncidentFor("VPN-MI-1")).hasValue(parent);
		assertThat(majorIncidents.openMajorIncidentFor("other-service")).isEmpty();

		List<String> children = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			String child = report("VPN does not connect " + i, "caller" + i, "VPN-MI-1");
			majorIncidents.link(child, parent, "same outage", "ian");
			majorIncidents.link(child, parent, "same outage", "ian"); // idempotent
			children.add(child);
		}
		for (String child : children) {
			assertThat(record(child).getParent().getNumber()).isEqualTo(parent);
			assertThat(notices(child, IncidentNotice.Kind.MAJOR_LINKED)).isOne();
		}

		taskService.complete(task(parent, MajorIncidentProcess.Tasks.ASSIGN_ROLES).getId(), Map.of(
				"incidentCommander", "ian", "communicationsLead", "cora", "technicalLead", "ted"));
		MajorIncident major = transaction.execute(s -> service.majorOf(record(parent)).orElseThrow());
		assertThat(major.getCommunicationsLead()).isEqualTo("cora");

		// priority 1 (high/high): the first update is due after 30 minutes
		assertThat(task(parent, MajorIncidentProcess.Tasks.PUBLISH_STATUS_UPDATE)).isNull();
		var timer = engine.getManagementService().createJobQuery().processInstanceId(runtimeService
			.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
			.processInstanceBusinessKey(parent).singleResult().getId()).timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(Date.from(MONDAY_10.plusSeconds(30 * 60)));
		engine.getManagementService().executeJob(timer.getId());
		Task update = task(parent, MajorIncidentProcess.Tasks.PUBLISH_STATUS_UPDATE);
		assertThat(update.getAssignee()).isEqualTo("cora");
		taskService.complete(update.getId(), Map.of("statusUpdate", "Gateway restarted, sessions coming back"));
		assertThat(updates.findByMajorIncidentIdOrderByPublishedAtAscIdAsc(record(parent).getId())).singleElement()
			.satisfies(u -> assertThat(u.getChildrenTold()).isEqualTo(25));
		for (String child : children) {
			assertThat(notices(child, IncidentNotice.Kind.MAJOR_STATUS_UPDATE)).isOne();
		}

		taskService.complete(task(parent, MajorIncidentProcess.Tasks.RESOLVE).getId(), Map.of("resolutionCode",
				"restart", "resolutionNotes", "The VPN gateway was restarted"));
		for (String child : children) {
			Incident resolved = record(child);
			assertThat(resolved.getState()).isEqualTo(State.RESOLVED);
			assertThat(resolved.getResolutionCode()).isEqualTo("restart");
			assertThat(notices(child, IncidentNotice.Kind.RESOLVED)).isOne();
		}
		assertThat(children.stream().mapToLong(c -> notices(c, IncidentNotice.Kind.RESOLVED)).sum()).isEqualTo(25);
		assertThat(record(parent).getState()).isEqualTo(State.RESOLVED);
		assertThat(majorIncidents.openMajorIncidentFor("VPN-MI-1")).isEmpty();

		Task review = task(parent, MajorIncidentProcess.Tasks.POST_INCIDENT_REVIEW);
		assertThat((String) taskService.getVariable(review.getId(), "reviewImpact")).startsWith("25 children");
		assertThat((String) taskService.getVariable(review.getId(), "reviewTimeline")).contains("MAJOR_DECLARED");
		taskService.complete(review.getId(), Map.of("cause", "Licence limit of the gateway", "wentWell",
				"Fast detection", "wentBadly", "Late first update", "followUps",
				"action | network-ops | 2026-12-15 | Raise the licence limit\nproblem | network-ops | 2026-12-31 | Capacity of the VPN gateway"));
		Task followUp = task(parent, MajorIncidentProcess.Tasks.FOLLOW_UP_ACTION);
		assertThat(taskService.createTaskQuery().taskId(followUp.getId()).taskCandidateGroup("network-ops").count()).isOne();
		taskService.complete(followUp.getId(), Map.of("followUpDone", true));
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
			.processInstanceBusinessKey(parent).count()).isZero();
	}

	@Test
	void linkingRules() {
		String parent = report("Mail down", "carol", "MAIL-MI-2");
		String child = report("No mail", "dave", "MAIL-MI-2");
		String other = report("Still no mail", "erin", "MAIL-MI-2");
		majorIncidents.declare(parent, "many reports", "ian");
		majorIncidents.link(child, parent, "same outage", "ian");

		// a cycle, a parent that is a child, a child with children
		assertThatThrownBy(() -> majorIncidents.link(parent, child, "x", "ian")).isInstanceOf(MajorIncidentRefusal.class);
		assertThatThrownBy(() -> majorIncidents.link(parent, parent, "x", "ian")).isInstanceOf(MajorIncidentRefusal.class);
		assertThatThrownBy(() -> majorIncidents.link(other, child, "x", "ian"))
			.isInstanceOf(MajorIncidentRefusal.class).hasMessageContaining("itself a child");

		// unlink needs a reason
		assertThatThrownBy(() -> majorIncidents.unlink(child, " ", "ian")).isInstanceOf(IllegalArgumentException.class);

		// a linked child cannot be canceled separately
		Viewer agent = new Viewer("ian", Set.of("incident-managers"));
		assertThatThrownBy(() -> actions.cancel(child, new CancellationRequest("not needed"), agent))
			.isInstanceOfSatisfying(ErrorResponseException.class, ex -> assertThat(ex.getStatusCode().value()).isEqualTo(409));
		majorIncidents.unlink(child, "different cause after all", "ian");
		assertThat(record(child).getParent()).isNull();

		// a closed parent is refused
		actions.cancel(other, new CancellationRequest("duplicate report"), agent);
		assertThat(record(other).isOpen()).isFalse();
		assertThatThrownBy(() -> majorIncidents.link(child, other, "x", "ian"))
			.isInstanceOf(MajorIncidentRefusal.class).hasMessageContaining("canceled");
	}

}
