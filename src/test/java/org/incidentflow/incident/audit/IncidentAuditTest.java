package org.incidentflow.incident.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentFixtures;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.OnHoldReason;
import org.incidentflow.incident.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/** The generic field-change audit of incident records, whoever changes them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class IncidentAuditTest {

	private static final Instant REPORTED = Instant.parse("2026-03-02T08:00:00Z");
	private static final Instant CHANGED = Instant.parse("2026-03-02T09:30:00Z");

	@Autowired
	IncidentRepository incidents;

	@Autowired
	ActivityRepository activity;

	@Autowired
	IdentityService identityService;

	@Autowired
	PlatformTransactionManager transactionManager;

	IncidentFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new IncidentFixtures(incidents, transactionManager);
		ClockUtil.setCurrentTime(Date.from(REPORTED));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identityService.clearAuthentication();
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyChangedFieldIsRecordedWithWhoWhenOldAndNew() {
		Incident incident = fixtures.create("Database slow", "rita", IncidentType.SERVICE_DEGRADATION, "erp");
		assertThat(incident.getNumber()).isEqualTo(Incident.formatNumber(incident.getId()));
		assertThat(fieldChanges(incident)).as("creating a record is not a field change").isEmpty();

		ClockUtil.setCurrentTime(Date.from(CHANGED));
		identityService.setAuthenticatedUserId("nick");
		fixtures.change(incident.getNumber(), i -> {
			i.setAssignmentGroup("network-ops");
			i.setPriority(2);
			i.setImpact(Level.HIGH);
			i.setState(State.ON_HOLD);
			i.setOnHoldReason(OnHoldReason.AWAITING_VENDOR);
			i.setPausedSince(CHANGED);
			i.setTitle("Database slow");
		});

		List<ActivityEntry> trail = activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId());
		assertThat(trail).extracting(ActivityEntry::getEvent, ActivityEntry::getField, ActivityEntry::getOldValue,
				ActivityEntry::getNewValue)
			.containsExactlyInAnyOrder(
					tuple("FIELD_CHANGED", "assignmentGroup", null, "network-ops"),
					tuple("FIELD_CHANGED", "priority", null, "2"),
					tuple("FIELD_CHANGED", "impact", "medium", "high"),
					tuple("FIELD_CHANGED", "state", "new", "on_hold"),
					tuple("STATE_CHANGED", "state", "new", "on_hold"),
					tuple("FIELD_CHANGED", "onHoldReason", null, "awaiting_vendor"),
					tuple("FIELD_CHANGED", "pausedSince", null, "2026-03-02T09:30:00Z"));
		assertThat(trail).allSatisfy(entry -> {
			assertThat(entry.getActor()).isEqualTo("nick");
			assertThat(entry.getAt()).isEqualTo(CHANGED);
		});
		assertThat(trail).filteredOn(entry -> entry.getEvent().equals("STATE_CHANGED"))
			.extracting(ActivityEntry::getDetail).containsExactly("new → on_hold");

		Incident reloaded = incidents.findByNumber(incident.getNumber()).orElseThrow();
		assertThat(reloaded.getUpdatedAt()).isEqualTo(CHANGED);
		assertThat(reloaded.getVersion()).isEqualTo(incident.getVersion() + 1);
	}

	@Test
	void linkedIncidentsAreRecordedByNumberAndTheApiUserIsTheActor() {
		Incident parent = fixtures.create("Outage", "monitoring", IncidentType.SERVICE_OUTAGE, "mail");
		Incident child = fixtures.create("No mail", "rob", IncidentType.SERVICE_OUTAGE, "mail");

		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", "n/a", "service-desk"));
		fixtures.change(child.getNumber(), i -> i.setParent(incidents.getReferenceById(parent.getId())));

		assertThat(fieldChanges(child)).extracting(ActivityEntry::getField, ActivityEntry::getNewValue,
				ActivityEntry::getActor)
			.containsExactly(tuple("parent", parent.getNumber(), "alice"));
	}

	@Test
	void nothingIsRecordedWithoutAChangeAndTimersActAsSystem() {
		Incident incident = fixtures.create("Disk full", "monitoring", IncidentType.HARDWARE, "files");

		ClockUtil.setCurrentTime(Date.from(CHANGED));
		fixtures.change(incident.getNumber(), i -> i.setTitle("Disk full"));
		assertThat(fieldChanges(incident)).isEmpty();
		assertThat(incidents.findByNumber(incident.getNumber()).orElseThrow().getUpdatedAt()).isEqualTo(REPORTED);

		fixtures.change(incident.getNumber(), i -> i.setResponseBreached(true));
		assertThat(fieldChanges(incident)).extracting(ActivityEntry::getField, ActivityEntry::getOldValue,
				ActivityEntry::getNewValue, ActivityEntry::getActor)
			.containsExactly(tuple("responseBreached", "false", "true", CurrentActor.SYSTEM));
	}

	@Test
	void aRolledBackChangeLeavesNoTrail() {
		Incident incident = fixtures.create("Badge reader", "rita", IncidentType.HARDWARE, "access");

		assertThatThrownBy(() -> fixtures.change(incident.getNumber(), i -> {
			i.setState(State.IN_PROGRESS);
			incidents.flush(); // the audit rows are written now, inside the transaction
			throw new IllegalStateException("delegate failed");
		})).hasMessage("delegate failed");

		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId())).isEmpty();
		assertThat(incidents.findByNumber(incident.getNumber()).orElseThrow().getState()).isEqualTo(State.NEW);
	}

	private List<ActivityEntry> fieldChanges(Incident incident) {
		return activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()).stream()
			.filter(entry -> entry.getEvent().equals("FIELD_CHANGED"))
			.toList();
	}

}
