package org.incidentflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A process owner deploys a broken model as Camunda Modeler does ({@code POST /engine-rest/deployment/create}): the
 * answer is 400 with the parser's reason and where it is (resource, line, element id) in Camunda's
 * {@code ParseException} format, which Modeler shows, and nothing is deployed. Malformed XML and every DMN problem
 * answered 500 ({@code ENGINE-09003}, {@code ENGINE-22004}) before.
 */
class BrokenModelDeploymentTest extends WebTestSupport {

	@Autowired
	RepositoryService repositoryService;

	final ObjectMapper json = new ObjectMapper();
	final String name = "broken-" + UUID.randomUUID();

	static final String DMN_HEAD = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="defs" name="d" namespace="http://incidentflow.org/test">
			""";

	static String decision(String table) {
		return DMN_HEAD + """
				  <decision id="risk" name="Risk" camunda:historyTimeToLive="30">
				""" + table + """
				  </decision>
				</definitions>
				""";
	}

	static final String TABLE_WITH_OUTPUT = """
			    <decisionTable id="riskTable">
			      <input id="impactInput"><inputExpression id="impactExpr" typeRef="string"><text>impact</text></inputExpression></input>
			      <output id="priorityOutput" name="priority" typeRef="%s" />
			      <rule id="highRule"><inputEntry id="highEntry"><text>"high"</text></inputEntry><outputEntry id="highPriority"><text>%s</text></outputEntry></rule>
			    </decisionTable>
			""";

	JsonNode refused(String resource, String xml) throws Exception {
		HttpResponse<String> response = deploy(resource, xml);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("type").asText()).isEqualTo("ParseException");
		assertThat(body.get("message").asText()).doesNotContain("ENGINE-22004", "ENGINE-09003");
		assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
		return body.get("details").get(resource).get("errors").get(0);
	}

	@Test
	void malformedBpmnIsRefusedWithItsLine() throws Exception {
		JsonNode error = refused("broken.bpmn", "<?xml version=\"1.0\"?>\n<definitions>\n  <process id=\"p\">\n</definitions>");
		assertThat(error.get("line").asInt()).isEqualTo(4);
		assertThat(error.get("message").asText()).contains("process");
	}

	@Test
	void anUnknownBpmnElementIsRefusedWithItsLine() throws Exception {
		JsonNode error = refused("unknown.bpmn", """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
				  <bpmn:process id="brokenProcess" isExecutable="true" camunda:historyTimeToLive="1">
				    <bpmn:startEvent id="start" />
				    <bpmn:fooTask id="bad" />
				  </bpmn:process>
				</bpmn:definitions>
				""");
		assertThat(error.get("line").asInt()).isEqualTo(5);
		assertThat(error.get("message").asText()).contains("fooTask");
	}

	@Test
	void aDoctypeIsRefused() throws Exception {
		JsonNode error = refused("xxe.dmn", "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<d>&e;</d>");
		assertThat(error.get("line").asInt()).isEqualTo(2);
	}

	@Test
	void malformedDmnIsRefusedWithItsLine() throws Exception {
		JsonNode error = refused("broken.dmn", DMN_HEAD + "  <decision id=\"d\">\n</definitions>\n");
		assertThat(error.get("line").asInt()).isEqualTo(4);
	}

	@Test
	void anUnknownDmnElementIsRefusedWithItsLine() throws Exception {
		JsonNode error = refused("unknown.dmn", decision("    <decisionTabel id=\"t\" />\n"));
		assertThat(error.get("line").asInt()).isEqualTo(4);
		assertThat(error.get("message").asText()).contains("decisionTabel");
	}

	@Test
	void anOutputEntryThatDoesNotFitItsTypeIsRefusedAtTheEntry() throws Exception {
		JsonNode error = refused("risk.dmn", decision(TABLE_WITH_OUTPUT.formatted("integer", "\"high\"")));
		assertThat(error.get("mainElementId").asText()).isEqualTo("highPriority");
		assertThat(error.get("line").asInt()).isEqualTo(7);
		assertThat(error.get("message").asText()).contains("priority", "integer", "\"high\"");
	}

	@Test
	void aDecisionTheDmnEngineCannotTransformIsRefusedNamingTheElement() throws Exception {
		// two outputs without names: the DMN engine cannot build the result
		JsonNode error = refused("unnamed.dmn", decision("""
				    <decisionTable id="twoOutputs">
				      <input id="i"><inputExpression id="ie" typeRef="string"><text>impact</text></inputExpression></input>
				      <output id="first" typeRef="string" />
				      <output id="second" typeRef="string" />
				      <rule id="r"><inputEntry id="e"><text>"high"</text></inputEntry><outputEntry id="o1"><text>"a"</text></outputEntry><outputEntry id="o2"><text>"b"</text></outputEntry></rule>
				    </decisionTable>
				"""));
		assertThat(error.get("mainElementId").isNull()).as(error.toString()).isFalse();
		assertThat(error.get("line").asInt()).isPositive();
	}

	@Test
	void aSoundDecisionIsDeployedAndFittingLiteralsPass() throws Exception {
		HttpResponse<String> response = deploy("risk.dmn", decision(TABLE_WITH_OUTPUT.formatted("integer", "2")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isEqualTo(1);
	}

	HttpResponse<String> deploy(String resource, String xml) {
		String boundary = "----incidentflow" + UUID.randomUUID();
		String body = part(boundary, "deployment-name", null, name) + part(boundary, "deployment-source", null,
				"Camunda Modeler") + part(boundary, resource, resource, xml) + "--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
			.header("Authorization", basic("paul"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	static String part(String boundary, String name, String filename, String content) {
		return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
				+ "\r\n\r\n" + content + "\r\n";
	}

}
