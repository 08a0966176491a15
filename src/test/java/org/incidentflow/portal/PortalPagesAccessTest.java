package org.incidentflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.UserQuery;
import org.incidentflow.idempotency.IdempotencyKeys;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.ActivityView;
import org.incidentflow.incident.api.CommentView;
import org.incidentflow.incident.api.IncidentActions;
import org.incidentflow.incident.api.IncidentDetailsFixtures;
import org.incidentflow.incident.api.IncidentFilter;
import org.incidentflow.incident.api.IncidentSearch;
import org.incidentflow.incident.api.PageView;
import org.incidentflow.incident.api.ReportIncidentRequest;
import org.incidentflow.incident.api.SatisfactionSurvey;
import org.incidentflow.sla.SlaProperties;
import org.incidentflow.web.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The portal's pages and fragments without the engine: whatever the records hold and whatever the user's groups, a
 * page shows only the user's own incidents and only their public side. Someone else's incident answers exactly like
 * a missing one (status and page), on every page and for every action, and no action reaches the services.
 */
@WebMvcTest(controllers = PortalPages.class)
class PortalPagesAccessTest {

	/** The slice: the portal's controller and advice only (the application class would start the engine). */
	@org.springframework.boot.SpringBootConfiguration
	@Import({ PortalPages.class, PortalIncidents.class, PortalErrors.class, PortalSettings.class,
			org.incidentflow.ui.UiModel.class })
	@EnableConfigurationProperties(SlaProperties.class)
	static class Slice {
	}

	static final String MINE = "INC-000001";
	static final String ROBS = "INC-000002";
	static final String MISSING = "INC-999999";
	static final String WORK_NOTE = "Internal: the caller's manager asked us to delay this";
	static final String HANDOVER = "Tried resetting the token; the gateway rejects her certificate";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IncidentSearch search;

	@MockitoBean
	IncidentActions actions;

	@MockitoBean
	SatisfactionSurvey survey;

	@MockitoBean
	IdempotencyKeys idempotency;

	@MockitoBean
	IdentityService identityService;

	/** The mapping itself is the DMN's ({@code CallerAnswersDecisionTest}); here: the portal passes on its answer. */
	@MockitoBean
	CallerAnswerDecisions answers;

	@BeforeEach
	void records() {
		Instant at = Instant.parse("2026-11-24T08:00:00Z");
		Incident mine = incident(MINE, "rita", "VPN drops");
		Incident robs = incident(ROBS, "rob", "Rob's secret laptop trouble");
		List<CommentView> comments = List.of(
				new CommentView(1, "nick", "public", "Which client version do you use?", "tasklist", at.plusSeconds(60)),
				new CommentView(2, "nick", "internal", WORK_NOTE, "tasklist", at.plusSeconds(120)));
		List<ActivityView> activity = List.of(
				new ActivityView(at, "rita", "REPORTED", null, null, null, "Reported via portal by rita"),
				new ActivityView(at.plusSeconds(10), "alice", "STATE_CHANGED", "state", "new", "in_progress", "new → in_progress"),
				new ActivityView(at.plusSeconds(20), "alice", "ESCALATED", null, null, null,
						"Functional escalation from service-desk to network-ops"),
				new ActivityView(at.plusSeconds(21), "alice", "HANDOVER_NOTE", null, null, null, HANDOVER),
				new ActivityView(at.plusSeconds(30), "nick", "FIELD_CHANGED", "assignee", null, "nick", null),
				new ActivityView(at.plusSeconds(40), "nick", "WORK_NOTE_ADDED", null, null, null, "By nick via tasklist"),
				new ActivityView(at.plusSeconds(50), "nick", "PUT_ON_HOLD", null, null, null, "awaiting caller"));
		// the search answers as for an agent (everything, work notes included): the portal must still filter
		when(search.details(eq(MINE), any())).thenReturn(IncidentDetailsFixtures.details(mine, true, comments, activity));
		when(search.details(eq(ROBS), any())).thenReturn(IncidentDetailsFixtures.details(robs, true, comments, activity));
		when(search.details(eq(MISSING), any())).thenThrow(Problems.notFound("Incident not found",
				"There is no incident " + MISSING + "."));
		when(search.followedBy(any(), any())).thenReturn(new PageView<>(List.of(), 0, 50, 0, 0));

		GroupQuery groups = mock(GroupQuery.class, org.mockito.Answers.RETURNS_SELF);
		Group networkOps = mock(Group.class);
		when(networkOps.getName()).thenReturn("Network operations");
		when(groups.singleResult()).thenReturn(networkOps);
		when(identityService.createGroupQuery()).thenReturn(groups);
		when(identityService.createUserQuery()).thenReturn(mock(UserQuery.class, org.mockito.Answers.RETURNS_SELF));
	}

	static Incident incident(String number, String caller, String title) {
		Incident incident = new Incident(title, caller, Channel.PORTAL, IncidentType.SOFTWARE, Level.MEDIUM,
				Level.MEDIUM, Instant.parse("2026-11-24T08:00:00Z"));
		incident.setNumber(number);
		incident.setState(State.ON_HOLD);
		incident.setOnHoldReason(org.incidentflow.incident.OnHoldReason.AWAITING_CALLER);
		incident.setPriority(3);
		incident.setResolutionNotes(null);
		return incident;
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void theCallerSeesThePublicTimelineButNoWorkNoteOrHandover() throws Exception {
		String page = mvc.perform(get("/portal/incidents/" + MINE)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();

		assertThat(page).contains("VPN drops", "Which client version do you use?", "Passed to Network operations",
				"On hold: waiting for you", "In progress", "We are waiting for you");
		assertThat(page).doesNotContain(WORK_NOTE, HANDOVER, "service-desk to network-ops", "By nick via tasklist");
	}

	@Test
	@WithMockUser(username = "alice", authorities = "service-desk")
	void evenAnAgentSeesNoWorkNoteInThePortal() throws Exception {
		Incident alices = incident(MINE, "alice", "My own keyboard");
		when(search.details(eq(MINE), any())).thenReturn(IncidentDetailsFixtures.details(alices, true,
				List.of(new CommentView(2, "nick", "internal", WORK_NOTE, "tasklist", Instant.now())), List.of()));

		String page = mvc.perform(get("/portal/incidents/" + MINE)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("My own keyboard").doesNotContain(WORK_NOTE);
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void someoneElsesIncidentAnswersLikeAMissingOne() throws Exception {
		MvcResult other = mvc.perform(get("/portal/incidents/" + ROBS)).andReturn();
		MvcResult missing = mvc.perform(get("/portal/incidents/" + MISSING)).andReturn();

		assertThat(other.getResponse().getStatus()).isEqualTo(404).isEqualTo(missing.getResponse().getStatus());
		String otherPage = withoutCsrfToken(other.getResponse().getContentAsString());
		assertThat(otherPage).doesNotContain("Rob's secret laptop trouble", WORK_NOTE, "Which client version")
			.isEqualTo(withoutCsrfToken(missing.getResponse().getContentAsString()).replace(MISSING, ROBS));
	}

	@Test
	@WithMockUser(username = "alice", authorities = "service-desk")
	void anAgentTooSeesOnlyHerOwnIncidentsInThePortal() throws Exception {
		assertThat(mvc.perform(get("/portal/incidents/" + ROBS)).andReturn().getResponse().getStatus()).isEqualTo(404);

		mvc.perform(get("/portal/incidents").header("HX-Request", "true")).andExpect(status().isOk());
		// the incidents she follows (caller or reporter), not all she may see as an agent (ReportedByApiTest)
		ArgumentCaptor<Viewer> viewer = ArgumentCaptor.forClass(Viewer.class);
		verify(search).followedBy(any(IncidentFilter.class), viewer.capture());
		verify(search, org.mockito.Mockito.never()).list(any(), any());
		assertThat(viewer.getValue().userId()).isEqualTo("alice");
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void noActionReachesTheServicesForSomeoneElsesIncident() throws Exception {
		String[][] actionsAndForms = {
				{ "comments", "body", "Let me in" },
				{ "confirmation", "accepted", "true" },
				{ "cancellation", "reason", "Not mine anyway" },
				{ "satisfaction", "score", "1" } };
		for (String[] action : actionsAndForms) {
			for (String number : new String[] { ROBS, MISSING }) {
				MvcResult result = mvc.perform(post("/portal/incidents/" + number + "/" + action[0])
					.param(action[1], action[2]).with(csrf())).andReturn();
				assertThat(result.getResponse().getStatus()).as(action[0] + " " + number).isEqualTo(404);
				assertThat(result.getResponse().getContentAsString()).doesNotContain("Rob's secret", WORK_NOTE);
			}
		}
		verifyNoInteractions(actions, survey);
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void theListAndItsFragmentAskForTheCallersOwnIncidentsOnly() throws Exception {
		mvc.perform(get("/portal/incidents").param("q", "laptop").param("state", "on_hold")).andExpect(status().isOk());
		mvc.perform(get("/portal/incidents").param("state", "bogus").header("HX-Request", "true"))
			.andExpect(status().isOk());
		ArgumentCaptor<IncidentFilter> filter = ArgumentCaptor.forClass(IncidentFilter.class);
		ArgumentCaptor<Viewer> viewer = ArgumentCaptor.forClass(Viewer.class);
		verify(search, org.mockito.Mockito.times(2)).followedBy(filter.capture(), viewer.capture());
		assertThat(viewer.getAllValues()).allSatisfy(v -> assertThat(v.userId()).isEqualTo("rita"));
		assertThat(filter.getAllValues().get(0).state()).isEqualTo("on_hold");
		assertThat(filter.getAllValues().get(0).q()).isEqualTo("laptop");
		assertThat(filter.getAllValues().get(1).state()).as("an unknown state lists all").isNull();
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void withoutKnowledgeTheSearchShowsNothingRatherThanAFake() throws Exception {
		String home = mvc.perform(get("/portal")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(home).contains("Report an incident").doesNotContain("Search for a solution");
		String fragment = mvc.perform(get("/portal/knowledge").param("q", "vpn")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(fragment).doesNotContain("class=\"hit\"");
		String suggestions = mvc.perform(get("/portal/report/suggestions").param("title", "vpn"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(suggestions).doesNotContain("Does one of these solve it?");
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void aReportWithoutTheAnswersIsAskedAgainAndFilesNothing() throws Exception {
		String page = mvc.perform(post("/portal/report").param("title", "Printer jams").with(csrf()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Choose what kind of problem it is.", "Choose who is affected.",
				"Choose whether you can still work.", "value=\"Printer jams\"");
		verify(actions, never()).report(any(), any());
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void theCallersWordsBecomeTheCodesAndThePortalChannel() throws Exception {
		when(idempotency.once(anyString(), anyString(), anyString(), any(), any(HttpStatus.class), any()))
			.thenAnswer(call -> new IdempotencyKeys.Answer(((Supplier<?>) call.getArgument(5)).get().toString(), 201,
					false));
		when(actions.report(any(), any())).thenReturn(MINE);
		when(answers.type(CallerAnswers.ProblemKind.DOWN)).thenReturn(java.util.Optional.of("service_outage"));
		when(answers.impact(CallerAnswers.WhoIsAffected.MANY)).thenReturn(java.util.Optional.of("high"));
		when(answers.urgency(CallerAnswers.CanYouWork.WORKAROUND)).thenReturn(java.util.Optional.of("low"));

		mvc.perform(post("/portal/report").with(csrf()).param("title", "VPN drops").param("service", "VPN")
				.param("kind", "down").param("affected", "many").param("work", "workaround")
				.param("formKey", "9b7c1f8e-1d2a-4c55-8f0e-5a7b2d9c3e10"))
			.andExpect(status().isFound())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
				.isEqualTo("/portal/incidents/" + MINE));

		ArgumentCaptor<ReportIncidentRequest> request = ArgumentCaptor.forClass(ReportIncidentRequest.class);
		verify(actions).report(request.capture(), any(Viewer.class));
		assertThat(request.getValue().channel()).isEqualTo("portal");
		assertThat(request.getValue().caller()).as("the signed-in user").isNull();
		assertThat(request.getValue().type()).isEqualTo("service_outage");
		assertThat(request.getValue().impact()).isEqualTo("high");
		assertThat(request.getValue().urgency()).isEqualTo("low");
	}

	@Test
	@WithMockUser(username = "rita", authorities = "requesters")
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/portal/incidents/" + MINE + "/comments").param("body", "hello"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(actions);
	}

	/** The sign-out form's token differs per request; everything else must not. */
	static String withoutCsrfToken(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
	}

}
