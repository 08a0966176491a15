package org.incidentflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The forms' browser-side rules for what this package adds, against the server's checks (ValidateSubmission,
 * ValidateReport, RecordTaskComment): the summary on top of every task form, the comment field, the handover note,
 * the start form without priority-changing defaults.
 */
class WorkspaceFormsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	static JsonNode form(String name) throws IOException {
		return JSON.readTree(Files.readString(Path.of("forms", name)));
	}

	static List<JsonNode> fields(JsonNode form) {
		List<JsonNode> all = new ArrayList<>();
		collect(form.path("components"), all);
		return all;
	}

	private static void collect(JsonNode components, List<JsonNode> all) {
		for (JsonNode component : components) {
			all.add(component);
			collect(component.path("components"), all);
		}
	}

	static JsonNode field(JsonNode form, String key) {
		return fields(form).stream().filter(c -> key.equals(c.path("key").asText())).findFirst()
			.orElseThrow(() -> new AssertionError("no field " + key));
	}

	@ParameterizedTest
	@ValueSource(strings = { "triage.form", "investigate.form", "resume-work.form", "closure-review.form",
			"confirm-resolution.form" })
	void everyTaskFormStartsWithTheSummaryAndHasTheCommentField(String name) throws IOException {
		JsonNode form = form(name);
		assertThat(form.path("components").get(0).path("text").asText()).isEqualTo("{{" + IncidentBrief.VARIABLE + "}}");
		JsonNode comment = field(form, "taskComment");
		assertThat(comment.path("type").asText()).isEqualTo("textarea");
		assertThat(comment.path("validate").path("required").asBoolean()).isFalse();
		assertThat(comment.path("validate").path("maxLength").asInt()).isEqualTo(org.incidentflow.incident.Incident.TEXT_MAX);
		// no stale copies of record fields in the form's texts
		assertThat(fields(form)).filteredOn(c -> "text".equals(c.path("type").asText()))
			.allSatisfy(text -> assertThat(text.path("text").asText()).doesNotContain("{{description}}", "{{priority}}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "triage.form", "investigate.form", "resume-work.form", "closure-review.form" })
	void agentsChooseWhoMayReadTheComment(String name) throws IOException {
		JsonNode visibility = field(form(name), "taskCommentVisibility");
		assertThat(visibility.findValuesAsText("value")).containsExactlyInAnyOrder("internal", "public");
		assertThat(visibility.path("validate").path("required").asBoolean()).isTrue();
		// asked only when there is a comment, as the server ignores the choice without one
		assertThat(visibility.path("conditional").path("hide").asText()).contains("taskComment = null");
	}

	@Test
	void theCallerCannotWriteAWorkNote() throws IOException {
		assertThat(fields(form("confirm-resolution.form"))).noneMatch(c -> "taskCommentVisibility".equals(c.path("key")
			.asText()));
	}

	@Test
	void escalationRequiresAHandoverNoteLikeTheServer() throws IOException {
		JsonNode handover = field(form("investigate.form"), "handoverNote");
		assertThat(handover.path("validate").path("required").asBoolean()).isTrue();
		assertThat(handover.path("validate").path("maxLength").asInt()).isEqualTo(3000);
		assertThat(handover.path("conditional").path("hide").asText()).isEqualTo("=investigationOutcome != \"escalate\"");
	}

	@Test
	void theCommentToTheCallerIsRequiredExactlyWhenTheServerRequiresIt() throws IOException {
		JsonNode comment = field(form("investigate.form"), "onHoldComment");
		assertThat(comment.path("validate").path("required").asBoolean()).isTrue();
		assertThat(comment.path("conditional").path("hide").asText())
			.isEqualTo("=investigationOutcome != \"on_hold\" or onHoldReason != \"awaiting_caller\"");
	}

	@Test
	void theStartFormPreselectsNothingThatChangesThePriorityOrTheRoute() throws IOException {
		JsonNode form = form("report-incident.form");
		for (String key : List.of("channel", "impact", "urgency", "incidentType")) {
			assertThat(field(form, key).has("defaultValue")).as(key).isFalse();
			assertThat(field(form, key).path("validate").path("required").asBoolean()).as(key).isTrue();
		}
		JsonNode caller = field(form, "caller");
		assertThat(caller.path("type").asText()).isEqualTo("select");
		assertThat(caller.path("searchable").asBoolean()).isTrue();
		assertThat(caller.findValuesAsText("value")).containsExactly("unknown");
		JsonNode email = field(form, "callerEmail");
		assertThat(email.path("validate").path("validationType").asText()).isEqualTo("email");
		assertThat(email.path("validate").path("required").asBoolean()).isTrue();
		assertThat(email.path("conditional").path("hide").asText()).isEqualTo("=caller != \"unknown\"");
	}

}
