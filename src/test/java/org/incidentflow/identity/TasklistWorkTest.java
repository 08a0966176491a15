package org.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What agents and requesters do in Tasklist, through the engine REST API as themselves: the authorizations the
 * product grants plus the ones the engine derives from candidate groups and assignees.
 */
class TasklistWorkTest extends WebTestSupport {

	static final String PROCESS = "platform-tasklist-work";

	@Autowired
	RepositoryService repositoryService;
	@Autowired
	RuntimeService runtimeService;
	@Autowired
	TaskService taskService;
	@Autowired
	TaskFilters taskFilters;

	private String processInstanceId;

	@BeforeEach
	void deployAndStart() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
				.startEvent()
				.userTask("Work").name("Platform test work").camundaCandidateGroups("service-desk")
				.camundaFormRef("platform-test-form").camundaFormRefBinding("deployment")
				.userTask("Confirm").name("Platform test confirm").camundaAssignee("rita")
				.endEvent()
				.done();
		String form = "{\"id\":\"platform-test-form\",\"type\":\"default\",\"schemaVersion\":8,"
				+ "\"components\":[{\"key\":\"note\",\"label\":\"Note\",\"type\":\"textfield\"}]}";
		repositoryService.createDeployment().name("platform-test").enableDuplicateFiltering(false)
				.addModelInstance("platform-tasklist-work.bpmn", model)
				.addString("platform-test.form", form)
				.deploy();
		processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS, UUID.randomUUID().toString()).getId();
	}

	@Test
	void agentWorksTheTaskOfHerGroupWithItsDeployedForm() {
		String taskId = task("Work").getId();

		assertThat(get("/engine-rest/task?maxResults=100&processInstanceId=" + processInstanceId, "alice").body()).contains(taskId);
		var form = get("/engine-rest/task/" + taskId + "/deployed-form", "alice");
		assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
		assertThat(form.body()).contains("platform-test-form");
		assertThat(get("/engine-rest/task/" + taskId + "/form-variables", "alice").statusCode()).isEqualTo(200);

		assertThat(postJson("/engine-rest/task/" + taskId + "/claim", "alice", "{\"userId\":\"alice\"}").statusCode())
				.isEqualTo(204);
		// text that looks like an expression is fine in variables: only task queries are guarded
		var complete = postJson("/engine-rest/task/" + taskId + "/complete", "alice",
				"{\"variables\":{\"note\":{\"value\":\"restarted ${service}\",\"type\":\"String\"}}}");
		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);
	}

	@Test
	void groupFilterListsTheGroupsTasks() {
		String taskId = task("Work").getId();
		String filterId = taskFilters.ensureGroupFilter("service-desk").getId();

		assertThat(get("/engine-rest/filter/" + filterId + "/list?maxResults=2000", "alice").body()).contains(taskId);
		assertThat(get("/engine-rest/filter/" + filterId, "nick").statusCode()).isEqualTo(403);
	}

	@Test
	void otherGroupsAndRequestersDoNotSeeTheTask() {
		String taskId = task("Work").getId();

		assertThat(get("/engine-rest/task/" + taskId, "nick").statusCode()).isIn(403, 404);
		assertThat(get("/engine-rest/task?maxResults=100&processInstanceId=" + processInstanceId, "rita").body()).isEqualTo("[]");
	}

	@Test
	void requesterCompletesTheTaskAssignedToHer() {
		taskService.complete(task("Work").getId());
		Task confirm = task("Confirm");

		assertThat(get("/engine-rest/task/" + confirm.getId(), "rita").statusCode()).isEqualTo(200);
		assertThat(get("/engine-rest/task/" + confirm.getId(), "rob").statusCode()).isIn(403, 404);
		assertThat(postJson("/engine-rest/task/" + confirm.getId() + "/complete", "rita", "{}").statusCode())
				.isEqualTo(204);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
	}

	@Test
	void requesterCannotStartIncidentsOrSeeDefinitions() {
		assertThat(postJson("/engine-rest/process-definition/key/" + PROCESS + "/start", "rita", "{}").statusCode())
				.isIn(403, 404);
		assertThat(get("/engine-rest/deployment?maxResults=100", "rita").body()).isEqualTo("[]");
	}

	private Task task(String key) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
				.singleResult();
	}

}
