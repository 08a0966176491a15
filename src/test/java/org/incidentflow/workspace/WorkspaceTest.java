package org.incidentflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.WebTestSupport;
import org.incidentflow.asset.CiStatus;
import org.incidentflow.asset.CiType;
import org.incidentflow.asset.ConfigurationItem;
import org.incidentflow.asset.ConfigurationItemRegistry;
import org.incidentflow.incident.IncidentProcess.Messages;
import org.incidentflow.incident.Viewer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Comment;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agent's workspace through the engine REST API as the users themselves (Tasklist calls the same resources on
 * the webapp's engine API): the summary in the form variables, the comment field landing on the record, the caller
 * list of the start form.
 */
class WorkspaceTest extends WebTestSupport {

	@Autowired IncidentReporting reporting;
	@Autowired IncidentRepository incidents;
	@Autowired IncidentComments comments;
	@Autowired CommentRepository commentRepository;
	@Autowired IncidentBrief brief;
	@Autowired TaskService taskService;
	@Autowired RuntimeService runtimeService;
	@Autowired ObjectMapper json;
	@Autowired ConfigurationItemRegistry registry;

	static final Viewer RITA = new Viewer("rita", Set.of("requesters"));
	static final Viewer ALICE = new Viewer("alice", Set.of("service-desk"));

	private Incident report(String title, String description) {
		return reporting.report(new NewIncident(title, description, "rita", Channel.PHONE, "Printing", "printer-7",
				IncidentType.HARDWARE, Level.LOW, Level.MEDIUM));
	}

	private Task task(Incident incident, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(incident.getNumber()).taskDefinitionKey(key)
			.singleResult();
	}

	@Test
	void theTriageFormReadsTheWholeIncidentFromTheRecord() throws Exception {
		Incident incident = report("Workspace printer smears", "Every page has a grey *stripe* <b>since</b> Monday.");
		comments.add(incident, "alice", Comment.Visibility.INTERNAL, "Toner was replaced last week.", "api");
		Task triage = task(incident, Tasks.TRIAGE);

		var answer = get("/engine-rest/task/" + triage.getId() + "/form-variables", "alice");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode summary = json.readTree(answer.body()).path(IncidentBrief.VARIABLE);
		assertThat(summary.path("type").asText()).isEqualTo("String");
		String text = summary.path("value").asText();
		assertThat(text).contains("### " + incident.getNumber(), "**Caller** rita via Phone",
				"**Configuration item** printer\\-7", "P4 (impact Low × urgency Medium",
				// typed text is shown as typed: no emphasis, no HTML
				"Every page has a grey \\*stripe\\* &lt;b&gt;since&lt;/b&gt; Monday.",
				"**Internal work note** by alice: Toner was replaced last week.", "Response due", "left");
		// a comment added after the task was created is there: read when the form opens, not copied at creation
		comments.add(incident, "alice", Comment.Visibility.PUBLIC, "We are on it.", "api");
		String later = json.readTree(get("/engine-rest/task/" + triage.getId() + "/form-variables", "alice").body())
			.path(IncidentBrief.VARIABLE).path("value").asText();
		assertThat(later).contains("**Public comment** by alice: We are on it.");
		// nothing is stored in the process
		assertThat(runtimeService.getVariable(triage.getProcessInstanceId(), IncidentBrief.VARIABLE)).isNull();
	}

	@Test
	void someoneWhoMayNotReadTheTaskGetsNoSummary() {
		Incident incident = report("Workspace printer offline", "Printer 7 is offline.");
		Task triage = task(incident, Tasks.TRIAGE);

		// rita is the caller, but the triage task is the agents' (agents may read every non-restricted incident's tasks)
		var answer = get("/engine-rest/task/" + triage.getId() + "/form-variables", "rita");
		assertThat(answer.statusCode()).isIn(403, 404);
		assertThat(answer.body()).doesNotContain(IncidentBrief.VARIABLE, "Printer 7");
		// asking for named variables gets only those
		var named = get("/engine-rest/task/" + triage.getId() + "/form-variables?variableNames=title", "alice");
		assertThat(named.body()).doesNotContain(IncidentBrief.VARIABLE);
	}

	@Test
	void theCallersViewHasNoWorkNotesAndNoEscalationNotes() {
		Incident incident = report("Workspace printer jams", "Jams on tray 2.");
		comments.add(incident, "alice", Comment.Visibility.INTERNAL, "Vendor contract runs out in May.", "api");
		comments.add(incident, "alice", Comment.Visibility.PUBLIC, "A technician comes at 3 pm.", "api");

		String caller = brief.of(incident.getNumber(), IncidentBrief.Audience.CALLER, RITA).orElseThrow();
		assertThat(caller).contains("A technician comes at 3 pm.").doesNotContain("Vendor contract", "Escalation chain",
				"Changed");
		assertThat(brief.of(incident.getNumber(), IncidentBrief.Audience.AGENT, ALICE).orElseThrow())
			.contains("Vendor contract runs out in May.");
	}

	@Test
	void aWorkNoteWrittenInTheTriageFormLandsOnTheRecord() throws Exception {
		Incident incident = report("Workspace printer noise", "Loud clicking.");
		Task triage = task(incident, Tasks.TRIAGE);
		assertThat(postJson("/engine-rest/task/" + triage.getId() + "/claim", "alice", "{\"userId\":\"alice\"}")
			.statusCode()).isEqualTo(204);

		var refused = postJson("/engine-rest/task/" + triage.getId() + "/submit-form", "alice", triageForm(
				"\"taskComment\":{\"value\":\"Fan bearing, probably.\"},\"taskCommentVisibility\":{\"value\":\"secret\"}"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).path("message").asText())
			.isEqualTo("Comment: choose who may read it (public: the caller too, internal: agents only).");

		var done = postJson("/engine-rest/task/" + triage.getId() + "/submit-form", "alice", triageForm(
				"\"taskComment\":{\"value\":\"Fan bearing, probably.\"},\"taskCommentVisibility\":{\"value\":\"internal\"}"));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
		List<Comment> written = commentRepository.findByIncidentOrderByCreatedAtAscIdAsc(
				incidents.findByNumber(incident.getNumber()).orElseThrow());
		assertThat(written).singleElement().satisfies(comment -> {
			assertThat(comment.getBody()).isEqualTo("Fan bearing, probably.");
			assertThat(comment.getVisibility()).isEqualTo(Comment.Visibility.INTERNAL);
			assertThat(comment.getAuthor()).isEqualTo("alice");
			assertThat(comment.getSource()).isEqualTo(RecordTaskComment.SOURCE);
		});
		assertThat(runtimeService.getVariable(triage.getProcessInstanceId(), Vars.TASK_COMMENT)).isNull();
	}

	@Test
	void theStartFormOffersTheKnownUsersAsCallers() throws Exception {
		var form = get("/engine-rest/process-definition/key/incident-management/deployed-start-form", "alice");
		assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
		JsonNode caller = null;
		for (JsonNode component : json.readTree(form.body()).path("components")) {
			if ("caller".equals(component.path("key").asText())) {
				caller = component;
			}
		}
		assertThat(caller).isNotNull();
		assertThat(caller.path("searchable").asBoolean()).isTrue();
		List<String> values = caller.findValuesAsText("value");
		assertThat(values).contains("rita", "alice").last().isEqualTo("unknown");
		assertThat(caller.toString()).contains("Rita Requester (rita)");
	}

	private static String triageForm(String extra) {
		return "{\"variables\":{\"incidentType\":{\"value\":\"hardware\"},\"service\":{\"value\":\"Printing\"},"
				+ "\"impact\":{\"value\":\"low\"},\"urgency\":{\"value\":\"medium\"},"
				+ "\"classification\":{\"value\":\"incident\"}," + extra + "}}";
	}

	@Test
	void theFormsShowTheRegisteredCiAsTheRegistryHasItNowAndHowOftenItFailed() throws Exception {
		String id = "ws-" + UUID.randomUUID().toString().substring(0, 8) + "-erp-db";
		registry.create(id, attributes("app-support", CiStatus.IN_USE), "paul");
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(40))));
		try {
			onTheItem(id, "ERP database slow again", IncidentType.SOFTWARE); // open, but older than 30 days
		}
		finally {
			ClockUtil.reset();
		}
		Incident canceled = onTheItem(id, "ERP database slow", IncidentType.SOFTWARE);
		runtimeService.createMessageCorrelation(Messages.CANCELLATION_REQUESTED)
			.processInstanceBusinessKey(canceled.getNumber()).setVariable(Vars.CANCEL_REASON, "Gone")
			.setVariable(Vars.CANCELED_BY, "rita").correlate();
		onTheItem(id, "ERP database leaks data", IncidentType.SECURITY); // restricted: only security-cleared agents
		Incident incident = onTheItem(id, "ERP database down", IncidentType.SOFTWARE);
		Task triage = task(incident, Tasks.TRIAGE);

		String text = summary(triage, "alice");
		String escapedId = id.replace("-", "\\-");
		assertThat(text).contains("**Registered CI** " + escapedId + " (ERP database, Database) · **Service** "
				+ "Expenses · **Owner group** app\\-support · **Criticality** 1 · **Status** In use",
				"**Incidents on this CI** 2 in the last 30 days · 2 open (this one included)");
		assertThat(summary(triage, "maria")).as("an incident manager also sees the restricted one")
			.contains("**Incidents on this CI** 3 in the last 30 days · 3 open");
		// Tasklist: the webapp's own sign-in (session), not Spring Security's, says who opens the form
		for (String user : List.of("alice", "maria")) {
			WebappSession tasklist = webappSession();
			assertThat(tasklist.login("tasklist", user, DEMO_PASSWORD).statusCode()).isEqualTo(200);
			var answer = tasklist.get("/camunda/api/engine/engine/default/task/" + triage.getId() + "/form-variables");
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			assertThat(json.readTree(answer.body()).path(IncidentBrief.VARIABLE).path("value").asText())
				.contains(user.equals("alice") ? "**Incidents on this CI** 2 in the last 30 days · 2 open"
						: "**Incidents on this CI** 3 in the last 30 days · 3 open");
		}

		// read from the registry when the form opens: a changed owner group or a retirement shows at once
		registry.update(id, attributes("network-ops", CiStatus.RETIRED), "paul");
		assertThat(summary(triage, "alice")).contains("**Owner group** network\\-ops", "**Status** Retired");
		// the caller's confirmation view shows no registry facts
		assertThat(brief.of(incident.getNumber(), IncidentBrief.Audience.CALLER, RITA).orElseThrow())
			.doesNotContain("Registered CI", "Incidents on this CI");
	}

	@Test
	void aCiTheRegistryDoesNotKnowIsSaidToBeUnregistered() throws Exception {
		Incident incident = report("Workspace printer unknown", "Printer 7 again.");
		assertThat(summary(task(incident, Tasks.TRIAGE), "alice"))
			.contains("**Registered CI** none: printer\\-7 is not in the configuration-item registry")
			.doesNotContain("Incidents on this CI");
	}

	private static ConfigurationItem.Attributes attributes(String ownerGroup, CiStatus status) {
		return new ConfigurationItem.Attributes("ERP database", CiType.DATABASE, "Expenses", ownerGroup, 1, null, status,
				Set.of());
	}

	private Incident onTheItem(String id, String title, IncidentType type) {
		return reporting.report(new NewIncident(title, "Reported in a test", "rita", Channel.PORTAL, "Expenses", id,
				type, Level.MEDIUM, Level.MEDIUM));
	}

	private String summary(Task task, String user) throws Exception {
		var answer = get("/engine-rest/task/" + task.getId() + "/form-variables", user);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body()).path(IncidentBrief.VARIABLE).path("value").asText();
	}

}
