package org.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The access rules in isolation; {@code IncidentApiTest} checks that queries apply the same rules. */
class IncidentAccessTest {

	private static final Viewer RITA = new Viewer("rita", Set.of("requesters"));
	private static final Viewer MONITORING = new Viewer("monitoring", Set.of("integrations"));
	private static final Viewer ALICE = new Viewer("alice", Set.of("service-desk"));
	private static final Viewer SID = new Viewer("sid", Set.of("security-ops"));
	private static final Viewer MARIA = new Viewer("maria", Set.of("incident-managers"));
	private static final Viewer ADMIN = new Viewer("admin", Set.of("camunda-admin"));
	private static final Viewer PAUL = new Viewer("paul", Set.of("process-owners"));
	private static final Viewer AGENT_AND_REQUESTER = new Viewer("nick", Set.of("requesters", "network-ops"));

	private final Incident ritasOutage = incident("rita", IncidentType.SERVICE_OUTAGE);
	private final Incident robsOutage = incident("rob", IncidentType.SERVICE_OUTAGE);
	private final Incident ritasSecurityIncident = incident("rita", IncidentType.SECURITY);

	@Test
	void requestersSeeTheirOwnIncidentsOnlySecurityOnesIncluded() {
		assertThat(IncidentAccess.maySee(RITA, ritasOutage)).isTrue();
		assertThat(IncidentAccess.maySee(RITA, ritasSecurityIncident)).isTrue();
		assertThat(IncidentAccess.maySee(RITA, robsOutage)).isFalse();
		assertThat(IncidentAccess.maySeeInternals(RITA)).isFalse();
		assertThat(IncidentAccess.mayReportFor(RITA, "rita")).isTrue();
	}

	@Test
	void aRequesterReportingForAColleagueFollowsItButOnlyTheCallerDecidesOnTheResolution() {
		assertThat(IncidentAccess.mayReportFor(RITA, "rob")).isTrue();
		Incident forRob = incident("rob", IncidentType.HARDWARE);
		forRob.reportedBy("rita");
		assertThat(IncidentAccess.maySee(RITA, forRob)).isTrue();
		assertThat(IncidentAccess.maySee(new Viewer("rob", Set.of("requesters")), forRob)).isTrue();
		assertThat(IncidentAccess.maySee(new Viewer("rose", Set.of("requesters")), forRob)).isFalse();
		assertThat(IncidentAccess.mayConfirmResolution(RITA, forRob)).isFalse();
		assertThat(IncidentAccess.mayConfirmResolution(new Viewer("rob", Set.of("requesters")), forRob)).isTrue();
		// the reporter is a follower, not an agent: still no internals
		assertThat(IncidentAccess.maySeeInternals(RITA)).isFalse();
	}

	@Test
	void integrationsActLikeRequestersForTheIncidentsTheyReport() {
		assertThat(IncidentAccess.hasAccess(MONITORING)).isTrue();
		assertThat(IncidentAccess.mayReportFor(MONITORING, "monitoring")).isTrue();
		assertThat(IncidentAccess.mayReportFor(MONITORING, "rita")).isFalse();
		assertThat(IncidentAccess.maySee(MONITORING, incident("monitoring", IncidentType.HARDWARE))).isTrue();
		assertThat(IncidentAccess.maySee(MONITORING, ritasOutage)).isFalse();
	}

	@Test
	void agentsSeeEverythingButSecurityIncidents() {
		for (Viewer agent : Set.of(ALICE, AGENT_AND_REQUESTER)) {
			assertThat(IncidentAccess.maySee(agent, robsOutage)).isTrue();
			assertThat(IncidentAccess.maySee(agent, ritasSecurityIncident)).isFalse();
			assertThat(IncidentAccess.maySeeInternals(agent)).isTrue();
			assertThat(IncidentAccess.mayReportFor(agent, "rob")).isTrue();
		}
		for (Viewer cleared : Set.of(SID, MARIA, ADMIN)) {
			assertThat(IncidentAccess.maySee(cleared, ritasSecurityIncident)).isTrue();
		}
	}

	@Test
	void onlyTheCallerOrAnIncidentManagerConfirmsAResolution() {
		assertThat(IncidentAccess.mayConfirmResolution(RITA, ritasOutage)).isTrue();
		assertThat(IncidentAccess.mayConfirmResolution(MARIA, ritasOutage)).isTrue();
		assertThat(IncidentAccess.mayConfirmResolution(ALICE, ritasOutage)).isFalse();
	}

	@Test
	void usersWithoutAnIncidentGroupHaveNoAccess() {
		assertThat(IncidentAccess.hasAccess(PAUL)).isFalse();
		assertThat(IncidentAccess.maySee(PAUL, incident("paul", IncidentType.SOFTWARE))).isFalse();
		assertThat(IncidentAccess.mayReportFor(PAUL, "paul")).isFalse();
	}

	@Test
	void requestersSeeOnlyThePublicLifecycle() {
		assertThat(IncidentAccess.maySeeActivity(RITA, "STATE_CHANGED")).isTrue();
		assertThat(IncidentAccess.maySeeActivity(RITA, "COMMENT_ADDED")).isTrue();
		assertThat(IncidentAccess.maySeeActivity(RITA, "WORK_NOTE_ADDED")).isFalse();
		assertThat(IncidentAccess.maySeeActivity(RITA, "FIELD_CHANGED")).isFalse();
		assertThat(IncidentAccess.maySeeActivity(RITA, "ESCALATED")).isFalse();
		assertThat(IncidentAccess.maySeeActivity(ALICE, "WORK_NOTE_ADDED")).isTrue();
	}

	private static Incident incident(String caller, IncidentType type) {
		return new Incident("t", caller, Channel.PORTAL, type, Level.LOW, Level.LOW, Instant.EPOCH);
	}

}
