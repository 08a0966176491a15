package org.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.application.ProcessApplicationInterface;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Model changes reach the running product through the engine REST API, as Camunda Modeler deploys them. */
class ModelDeploymentTest extends WebTestSupport {

	@Autowired
	RepositoryService repositoryService;
	@Autowired
	ProcessApplicationInterface processApplication;

	private final ObjectMapper json = new ObjectMapper();
	private final Map<String, String> models = new HashMap<>();

	@Test
	void processOwnerDeploysAChangedModelAndTheLatestVersionRuns() throws IOException {
		String key = "platform-deploy-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> first = deploy("paul", key, "First version");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		HttpResponse<String> unchanged = deploy("paul", key, "First version");
		assertThat(unchanged.statusCode()).isEqualTo(200);
		HttpResponse<String> second = deploy("paul", key, "Second version");
		assertThat(second.statusCode()).isEqualTo(200);

		ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
				.latestVersion().singleResult();
		assertThat(latest.getVersion()).as("an unchanged model is not a new version").isEqualTo(2);
		assertThat(latest.getName()).isEqualTo("Second version");

		HttpResponse<String> started = postJson("/engine-rest/process-definition/key/" + key + "/start", "paul",
				"{\"businessKey\":\"deploy-test\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		JsonNode instance = json.readTree(started.body());
		assertThat(instance.get("definitionId").asText()).isEqualTo(latest.getId());
	}

	@Test
	void agentsAndRequestersCannotDeploy() {
		String key = "platform-deploy-" + UUID.randomUUID().toString().substring(0, 8);

		assertThat(deploy("rita", key, "Evil").statusCode()).isEqualTo(403);
		assertThat(deploy("alice", key, "Evil").statusCode()).isEqualTo(403);
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
	}

	@Test
	void redeployingTheProcessApplicationWithUnchangedFilesCreatesNoDeployment() {
		String name = processApplication.getName();
		long before = repositoryService.createDeploymentQuery().deploymentName(name).count();

		// what a restart does: the process application deploys its archive again
		processApplication.undeploy();
		processApplication.deploy();

		assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isEqualTo(before);
		for (Deployment deployment : repositoryService.createDeploymentQuery().deploymentName(name).list()) {
			assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
					.allSatisfy(resource -> assertThat(resource).matches("(processes|forms)/[^/]+"));
		}
	}

	/** A multipart deployment as Camunda Modeler sends it. */
	private HttpResponse<String> deploy(String user, String key, String name) {
		// generated once per model: the generator's random ids would make each rendering a changed model
		String bpmn = models.computeIfAbsent(key + "/" + name, k -> Bpmn.convertToString(Bpmn.createExecutableProcess(key).name(name).camundaHistoryTimeToLive(30)
				.startEvent()
				.userTask("Check").name("Check").camundaCandidateGroups("${'service-desk'}")
				.endEvent()
				.done()));
		String boundary = "----incidentflow" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "deployment-name", null, key);
		part(body, boundary, "deployment-source", null, "Camunda Modeler");
		part(body, boundary, "deploy-changed-only", null, "true");
		part(body, boundary, key + ".bpmn", key + ".bpmn", bpmn);
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
				.header("Authorization", basic(user))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String filename,
			String content) {
		StringBuilder part = new StringBuilder("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"").append(name).append('"');
		if (filename != null) {
			part.append("; filename=\"").append(filename).append('"');
		}
		part.append("\r\n");
		if (filename != null) {
			part.append("Content-Type: application/octet-stream\r\n");
		}
		part.append("\r\n").append(content).append("\r\n");
		body.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
	}

}
