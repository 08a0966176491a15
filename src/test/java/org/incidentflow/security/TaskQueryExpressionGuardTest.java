package org.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CVE-2026-109432: expression injection through (nested) task queries is refused before the engine sees it. */
class TaskQueryExpressionGuardTest extends WebTestSupport {

	private Path marker;
	private String expression;

	@BeforeEach
	void exploit() throws Exception {
		marker = Files.createTempDirectory("cve-2026-109432").resolve("pwned");
		// would create the marker file if the engine evaluated it
		expression = "{''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('"
				+ marker + "').createNewFile()}";
	}

	@Test
	void nestedOrQueryWithExpressionIsRefused() {
		HttpResponse<String> response = postJson("/engine-rest/task", "alice",
				"{\"orQueries\":[{\"nameLike\":\"$" + expression + "\"}]}");

		assertRefused(response);
	}

	@Test
	void jsonEscapedExpressionIsRefused() {
		HttpResponse<String> response = postJson("/engine-rest/task", "alice",
				"{\"orQueries\":[{\"nameLike\":\"\\u0024" + expression + "\"}]}");

		assertRefused(response);
	}

	@Test
	void hashExpressionAndExpressionInKeysAreRefused() {
		assertRefused(postJson("/engine-rest/task/count", "alice",
				"{\"orQueries\":[{\"assignee\":\"#" + expression + "\"}]}"));
		assertRefused(postJson("/engine-rest/task", "alice", "{\"\\u0024{x}\":\"y\"}"));
	}

	@Test
	void expressionInQueryParameterIsRefused() {
		assertRefused(get("/engine-rest/task?nameLike=" + encode("$" + expression), "alice"));
		assertRefused(get("/engine-rest/task/count?assignee=%2524%7Bx%7D&name=" + encode("${x}"), "alice"));
		assertRefused(get("/engine-rest/history/task?taskAssignee=" + encode("${x}"), "alice"));
	}

	@Test
	void namedEngineAndEncodedPathsAreGuardedToo() {
		String body = "{\"orQueries\":[{\"nameLike\":\"$" + expression + "\"}]}";
		assertRefused(postJson("/engine-rest/engine/default/task", "alice", body));
		assertRefused(postJson("/engine-rest/%74ask", "alice", body));
		assertRefused(postJson("/engine-rest/task/", "alice", body));
	}

	@Test
	void filterWithExpressionIsRefused() {
		assertRefused(postJson("/engine-rest/filter/create", "admin",
				"{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":{\"orQueries\":[{\"nameLike\":\"$"
						+ expression + "\"}]}}"));
		assertRefused(postJson("/engine-rest/filter/some-id/list", "alice",
				"{\"orQueries\":[{\"nameLike\":\"$" + expression + "\"}]}"));
		assertRefused(putJson("/engine-rest/filter/some-id", "admin",
				"{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":{\"assignee\":\"#{x}\"}}"));
	}

	@Test
	void webappEngineApiIsGuarded() {
		WebappSession alice = webappSession();
		assertThat(alice.login("tasklist", "alice", DEMO_PASSWORD).statusCode()).isEqualTo(200);

		assertRefused(alice.postJson("/camunda/api/engine/engine/default/task",
				"{\"orQueries\":[{\"nameLike\":\"\\u0024" + expression + "\"}]}"));
		assertRefused(alice.get("/camunda/api/engine/engine/default/task/count?nameLike=" + encode("${x}")));
		assertRefused(alice.postJson("/camunda/api/engine/engine/default/filter/any/list",
				"{\"orQueries\":[{\"nameLike\":\"$" + expression + "\"}]}"));
	}

	@Test
	void ordinaryTaskQueriesStillWork() {
		HttpResponse<String> response = postJson("/engine-rest/task?maxResults=50", "alice",
				"{\"orQueries\":[{\"nameLike\":\"%Triage%\",\"candidateGroup\":\"service-desk\"}]}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(get("/engine-rest/task/count?nameLike=" + encode("%Triage%"), "alice").statusCode())
				.isEqualTo(200);
	}

	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(marker).doesNotExist();
	}

}
