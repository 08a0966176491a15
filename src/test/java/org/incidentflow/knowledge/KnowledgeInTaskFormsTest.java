package org.incidentflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.reporting.ReportSources;
import org.incidentflow.problem.NewProblem;
import org.incidentflow.problem.ProblemManagement;
import org.incidentflow.problem.ProblemOrigin;
import org.incidentflow.problem.ProblemProcess;
import org.incidentflow.problem.ProblemRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The "Done when" of the knowledge part through the real processes: a problem investigated in
 * {@code problem-management} publishes its known error (Record known error), which is
 * suggested on the Triage task of a new incident with the same symptom (task variables the form's "Knowledge
 * suggestions" group shows), the agent applies it in the form, and Record triage records it on the incident with the
 * activity KNOWLEDGE_APPLIED; an article applied when resolving in Investigate is recorded by Record resolution; an
 * id that is no published knowledge refuses the completion.
 */
class KnowledgeInTaskFormsTest extends WebTestSupport {

	@Autowired
	KnowledgeArticles articles;
	@Autowired
	TaskService taskService;
	@Autowired
	IdentityService identityService;
	@Autowired
	ProblemManagement problems;
	@Autowired
	ProblemRepository problemRecords;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	ActivityRepository activity;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aPublishedKnownErrorIsSuggestedAtTriageAppliedThereAndAnArticleWhenResolving() throws Exception {
		String word = KnowledgeApiTest.marker();
		// the problem is raised and investigated through problem-management; its Record known error step publishes
		String problem = problems.raise(new NewProblem("Payroll " + word + " export fails",
				"The " + word + " export stops with error PX-17", "erp", null, "app-support"), ProblemOrigin.API)
			.getNumber();
		Task rootCause = taskService.createTaskQuery().processInstanceBusinessKey(problem)
			.taskDefinitionKey(ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE).singleResult();
		identityService.setAuthentication("pam", List.of("problem-managers"));
		try {
			taskService.complete(rootCause.getId(), Map.of(ProblemProcess.Vars.ROOT_CAUSE, "Batch user expired",
					ProblemProcess.Vars.WORKAROUND, "Run the export from the " + word + " backup job",
					ProblemProcess.Vars.ERROR_CODE, "PX-17"));
		}
		finally {
			identityService.clearAuthentication();
		}
		String ke = problemRecords.findByNumber(problem).orElseThrow().getKnownErrorNumber();
		assertThat(ke).matches("KE-\\d{6}");
		var published = get("/api/known-errors/" + ke, "alice");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(json.readTree(published.body()).get("state").asText()).isEqualTo("published");
		assertThat(json.readTree(published.body()).get("problemNumber").asText()).isEqualTo(problem);

		KnowledgeArticle article = articles.create(new KnowledgeArticles.Draft("Payroll " + word + " export checklist",
				"Check the " + word + " export log.", "erp", null, "internal"),
				new org.incidentflow.incident.Viewer("admin", java.util.Set.of("camunda-admin")));
		articles.publish(article.getNumber(), new org.incidentflow.incident.Viewer("kim",
				java.util.Set.of(KnowledgeRoles.KNOWLEDGE_MANAGERS)));

		var reported = postJson("/api/incidents", "rita", """
				{"title":"%s export fails","description":"payroll export stops with PX-17","type":"software","impact":"low","urgency":"medium","service":"erp"}
				""".formatted(word));
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		String number = json.readTree(reported.body()).get("number").asText();

		Task triage = task(number, Tasks.TRIAGE);
		String text = (String) taskService.getVariableLocal(triage.getId(), OfferKnowledge.SUGGESTION_TEXT);
		assertThat(text).contains(ke, "Run the export from the " + word + " backup job", "same service erp");
		ObjectValue options = taskService.getVariableLocalTyped(triage.getId(), OfferKnowledge.SUGGESTIONS, false);
		assertThat(options.getSerializationDataFormat()).isEqualTo("application/json");
		assertThat(options.getValueSerialized()).contains("\"value\":\"" + ke + "\"");

		Map<String, Object> form = new HashMap<>(Map.of(Vars.CLASSIFICATION, "incident"));
		form.put(KnowledgeFromForm.APPLIED_KNOWLEDGE, "KE-999999");
		assertThatThrownBy(() -> taskService.complete(triage.getId(), form)).hasMessageContaining("Applied knowledge");
		assertThat(record(number).getAppliedKnowledge()).isNull();

		form.put(KnowledgeFromForm.APPLIED_KNOWLEDGE, ke);
		taskService.claim(triage.getId(), "alice");
		taskService.complete(triage.getId(), form);
		assertThat(record(number).getAppliedKnowledge()).isEqualTo(ke);

		Task investigate = task(number, Tasks.INVESTIGATE);
		taskService.claim(investigate.getId(), "ann");
		taskService.complete(investigate.getId(), Map.of(Vars.INVESTIGATION_OUTCOME, "resolved", Vars.RESOLUTION_CODE,
				"workaround", Vars.RESOLUTION_NOTES, "Ran it from the backup job", Vars.WORKAROUND,
				"Ran it from the backup job", KnowledgeFromForm.APPLIED_KNOWLEDGE, article.getNumber()));
		Incident resolved = record(number);
		assertThat(resolved.getAppliedKnowledge()).isEqualTo(article.getNumber());
		List<String> applied = activity.findAll().stream()
			.filter(a -> a.getIncidentId().equals(resolved.getId()))
			.filter(a -> ReportSources.KNOWLEDGE_APPLIED.equals(a.getEvent()))
			.map(a -> a.getDetail())
			.toList();
		assertThat(applied).hasSize(2);
		assertThat(applied.get(0)).startsWith(ke);
		assertThat(applied.get(1)).startsWith(article.getNumber());
	}

	private Task task(String number, String key) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as("open task %s of %s", key, number).isNotNull();
		return task;
	}

	private Incident record(String number) {
		return incidents.findByNumber(number).orElseThrow();
	}
}
