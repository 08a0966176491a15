package org.incidentflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.incidentflow.WebTestSupport;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.State;
import org.incidentflow.problem.NewProblem;
import org.incidentflow.problem.ProblemManagement;
import org.incidentflow.problem.ProblemOrigin;
import org.incidentflow.reporting.ReportSources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The knowledge API over real HTTP with the demo users: who may write, publish and read what (requesters never see
 * internal articles, drafts or known-error internals), article revisions, feedback once per user, sanitised
 * Markdown, known errors from a problem and from a resolved incident, suggestions for an incident and applying one.
 * Each test uses words of its own (a marker) so that tests can share the database.
 */
class KnowledgeApiTest extends WebTestSupport {

	final ObjectMapper json = new ObjectMapper();

	@Autowired
	KnownErrorRegister register;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	PlatformTransactionManager transactionManager;
	@Autowired
	ProblemManagement problems;

	static String marker() {
		// letters only, so that it is one word for both search implementations
		StringBuilder word = new StringBuilder("zq");
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
		}
		return word.toString();
	}

	@Test
	void agentsDraftKnowledgeManagersPublishRequestersReadOnlyPublishedRequesterArticles() throws Exception {
		String word = marker();
		JsonNode draft = created(postJson("/api/knowledge/articles", "alice", """
				{"title":"Reset the %s token","body":"Press **reset** <script>alert(1)</script> [x](javascript:alert(2))","audience":"requester","service":"accounts","category":"how-to"}
				""".formatted(word)));
		String number = draft.get("number").asText();
		assertThat(number).matches("KB-\\d{6}");
		assertThat(draft.get("state").asText()).isEqualTo("draft");
		assertThat(draft.get("html").asText()).contains("<strong>reset</strong>").doesNotContain("<script")
			.doesNotContain("javascript:");

		// a draft is not for requesters, and an agent cannot publish
		assertThat(get("/api/knowledge/articles/" + number, "rita").statusCode()).isEqualTo(404);
		assertThat(postJson("/api/knowledge/articles/" + number + "/publication", "alice", "").statusCode())
			.isEqualTo(403);
		assertThat(read(postJson("/api/knowledge/articles/" + number + "/review", "alice", ""), 200).get("state")
			.asText()).isEqualTo("in_review");
		JsonNode published = read(postJson("/api/knowledge/articles/" + number + "/publication", "kim", ""), 200);
		assertThat(published.get("state").asText()).isEqualTo("published");
		assertThat(published.get("publishedRevision").asInt()).isEqualTo(1);

		JsonNode forRita = read(get("/api/knowledge/articles/" + number, "rita"), 200);
		assertThat(forRita.get("title").asText()).contains(word);
		assertThat(read(get("/api/knowledge/articles/" + number, "rob"), 200).get("viewCount").asLong())
			.isGreaterThanOrEqualTo(2);

		// editing the published article: a new draft revision; readers keep revision 1 until it is published
		read(putJson("/api/knowledge/articles/" + number, "ann", """
				{"title":"Reset the %s token (new portal)"}
				""".formatted(word)), 200);
		assertThat(read(get("/api/knowledge/articles/" + number, "rita"), 200).get("title").asText())
			.isEqualTo("Reset the " + word + " token");
		JsonNode revisions = read(get("/api/knowledge/articles/" + number + "/revisions", "alice"), 200);
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(0).get("state").asText()).isEqualTo("draft");
		assertThat(revisions.get(1).get("state").asText()).isEqualTo("published");
		assertThat(get("/api/knowledge/articles/" + number + "/revisions", "rita").statusCode()).isEqualTo(404);
		read(postJson("/api/knowledge/articles/" + number + "/publication", "kim", ""), 200);
		assertThat(read(get("/api/knowledge/articles/" + number, "rita"), 200).get("title").asText())
			.endsWith("(new portal)");
		revisions = read(get("/api/knowledge/articles/" + number + "/revisions", "alice"), 200);
		assertThat(revisions.get(0).get("state").asText()).isEqualTo("published");
		assertThat(revisions.get(1).get("state").asText()).isEqualTo("superseded");

		// feedback once per user and article
		JsonNode voted = read(postJson("/api/knowledge/articles/" + number + "/feedback", "rita",
				"{\"helpful\":true,\"comment\":\"worked\"}"), 200);
		assertThat(voted.get("helpfulCount").asLong()).isEqualTo(1);
		HttpResponse<String> again = postJson("/api/knowledge/articles/" + number + "/feedback", "rita",
				"{\"helpful\":false}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(read(postJson("/api/knowledge/articles/" + number + "/feedback", "rob", "{\"helpful\":false}"),
				200).get("unhelpfulCount").asLong()).isEqualTo(1);

		// the requester finds it
		JsonNode hits = read(get("/api/knowledge/search?q=" + word + "+token", "rita"), 200);
		assertThat(ids(hits)).contains(number);
	}

	@Test
	void internalArticlesAndKnownErrorInternalsNeverReachARequester() throws Exception {
		String word = marker();
		String internal = created(postJson("/api/knowledge/articles", "nick", """
				{"title":"Restart the %s gateway","body":"Internal runbook: drain the node first.","audience":"internal","service":"vpn"}
				""".formatted(word))).get("number").asText();
		read(postJson("/api/knowledge/articles/" + internal + "/publication", "kim", ""), 200);
		String ke = register.recordForProblem(new KnownErrorRegister.KnownErrorDraft(realProblem(), word
				+ " gateway drops tunnels", "The " + word + " tunnel drops every few minutes",
				"SECRET-ROOT-CAUSE firmware bug", "Use the second portal", "GP-1203", "vpn", "vpn-gw-01"));

		assertThat(get("/api/knowledge/articles/" + internal, "rita").statusCode()).isEqualTo(404);
		assertThat(get("/api/known-errors/" + ke, "rita").statusCode()).isEqualTo(404);
		assertThat(get("/api/known-errors", "rita").statusCode()).isEqualTo(403);
		assertThat(get("/api/knowledge/search?q=" + word + "&audience=internal", "rita").statusCode()).isEqualTo(403);
		assertThat(ids(read(get("/api/knowledge/articles", "rita"), 200))).doesNotContain(internal);

		HttpResponse<String> forRita = get("/api/knowledge/search?q=" + word + "+gateway", "rita");
		JsonNode hits = read(forRita, 200);
		assertThat(ids(hits)).contains(ke).doesNotContain(internal);
		assertThat(forRita.body()).doesNotContain("SECRET-ROOT-CAUSE").doesNotContain("drain the node");
		JsonNode hit = hits.get(ids(hits).indexOf(ke));
		assertThat(hit.get("kind").asText()).isEqualTo("known_error");
		assertThat(hit.get("summary").asText()).isEqualTo("Use the second portal");

		// agents see both, with score and matched terms
		JsonNode forAgent = read(get("/api/knowledge/search?q=" + word + "+gatway&service=vpn", "alice"), 200);
		assertThat(ids(forAgent)).contains(ke, internal);
		assertThat(forAgent.get(0).get("score").asDouble()).isPositive();
		assertThat(forAgent.get(0).get("matchedTerms").toString()).contains(word);
		assertThat(read(get("/api/known-errors/" + ke, "alice"), 200).get("rootCause").asText())
			.contains("SECRET-ROOT-CAUSE");
	}

	@Test
	void aKnownErrorIsRecordedOncePerProblemAndRetiredWithTheFix() throws Exception {
		String problem = realProblem();
		String word = marker();
		KnownErrorRegister.KnownErrorDraft draft = new KnownErrorRegister.KnownErrorDraft(problem, word + " crash",
				"Client " + word + " crashes", "root", "Restart in safe mode", null, "email", null);
		String first = register.recordForProblem(draft);
		String second = register.recordForProblem(draft);
		assertThat(second).isEqualTo(first);
		JsonNode ke = read(get("/api/known-errors/" + first, "alice"), 200);
		assertThat(ke.get("state").asText()).isEqualTo("published");
		assertThat(ke.get("problemNumber").asText()).isEqualTo(problem);
		assertThat(ids(read(get("/api/knowledge/search?q=" + word, "alice"), 200))).contains(first);

		register.retireForProblem(problem, "Fixed by CHG-000042");
		ke = read(get("/api/known-errors/" + first, "alice"), 200);
		assertThat(ke.get("state").asText()).isEqualTo("retired");
		assertThat(ke.get("solution").asText()).isEqualTo("Fixed by CHG-000042");
		assertThat(ids(read(get("/api/knowledge/search?q=" + word, "alice"), 200))).doesNotContain(first);
	}

	@Test
	void badInputIsAProblemNamingTheField() throws Exception {
		JsonNode problem = read(postJson("/api/knowledge/articles", "alice", "{\"title\":\" \",\"audience\":\"public\"}"), 400);
		assertThat(problem.get("errors").toString()).contains("title", "body", "audience", "service");
		problem = read(postJson("/api/known-errors", "alice", "{\"problemNumber\":\"42\",\"title\":\"x\"}"), 400);
		assertThat(problem.get("errors").toString()).contains("problemNumber", "symptom");
		problem = read(postJson("/api/known-errors", "alice",
				"{\"problemNumber\":\"PRB-9" + digits() + "\",\"title\":\"x\",\"symptom\":\"s\"}"), 400);
		assertThat(problem.get("errors").toString()).contains("problemNumber", "no problem PRB-9");
		assertThat(problem.get("errors").toString()).doesNotContain("symptom");
		problem = read(get("/api/knowledge/search?q=vpn&kind=faq&limit=0", "alice"), 400);
		assertThat(problem.get("errors").toString()).contains("kind", "limit");
		assertThat(postJson("/api/known-errors", "rita", "{}").statusCode()).isEqualTo(403);
		String word = marker();
		String ke = created(postJson("/api/known-errors", "alice", """
				{"problemNumber":"%s","title":"%s","symptom":"s"}
				""".formatted(realProblem(), word))).get("number").asText();
		// no workaround yet; and only problem managers publish
		assertThat(postJson("/api/known-errors/" + ke + "/publication", "alice", "").statusCode()).isEqualTo(403);
		assertThat(read(postJson("/api/known-errors/" + ke + "/publication", "admin", ""), 400).get("errors")
			.toString()).contains("workaround");
	}

	@Test
	void suggestionsForAnIncidentAndApplyingOneIsRecordedOnce() throws Exception {
		String word = marker();
		String ke = register.recordForProblem(new KnownErrorRegister.KnownErrorDraft(realProblem(),
				"Outlook " + word + " add-in crashes Outlook", "Outlook closes after the " + word + " splash screen",
				"add-in", "Disable the " + word + " add-in in safe mode", null, "email", "exchange-01"));
		String article = created(postJson("/api/knowledge/articles", "alice", """
				{"title":"Outlook %s add-in settings","body":"Where the %s add-in keeps its settings.","audience":"internal","service":"email"}
				""".formatted(word, word))).get("number").asText();
		read(postJson("/api/knowledge/articles/" + article + "/publication", "kim", ""), 200);

		String number = created(postJson("/api/incidents", "rita", """
				{"title":"Outlok crashes with %s","description":"Since the update the %s add-in closes it","type":"software","impact":"low","urgency":"medium","service":"email","configurationItem":"exchange-01"}
				""".formatted(word, word))).get("number").asText();
		JsonNode suggestions = read(get("/api/incidents/" + number + "/suggestions", "alice"), 200);
		assertThat(ids(suggestions)).startsWith(ke).contains(article);
		assertThat(suggestions.get(0).get("reason").asText()).contains("same configuration item exchange-01",
				"same service email");
		assertThat(suggestions.get(0).get("summary").asText()).contains("safe mode");

		assertThat(postJson("/api/incidents/" + number + "/applied-knowledge", "rita", "{\"id\":\"" + ke + "\"}")
			.statusCode()).isEqualTo(403);
		assertThat(read(postJson("/api/incidents/" + number + "/applied-knowledge", "alice", "{\"id\":\"KE-99\"}"),
				400).get("errors").toString()).contains("id");
		JsonNode applied = read(postJson("/api/incidents/" + number + "/applied-knowledge", "alice",
				"{\"id\":\"" + ke + "\"}"), 200);
		assertThat(applied.get("changed").asBoolean()).isTrue();
		assertThat(read(postJson("/api/incidents/" + number + "/applied-knowledge", "alice",
				"{\"id\":\"" + ke.toLowerCase() + "\"}"), 200).get("changed").asBoolean()).isFalse();

		JsonNode incident = read(get("/api/incidents/" + number, "alice"), 200);
		assertThat(incident.get("appliedKnowledge").asText()).isEqualTo(ke);
		List<String> events = new ArrayList<>();
		incident.get("activity").forEach(a -> events.add(a.get("event").asText()));
		assertThat(events.stream().filter(ReportSources.KNOWLEDGE_APPLIED::equals)).hasSize(1);
		assertThat(read(get("/api/incidents/" + number, "rita"), 200).has("appliedKnowledge")).isFalse();
	}

	@Test
	void anAgentProposesAResolvedIncidentsWorkaroundAsAKnownErrorForProblemManagers() throws Exception {
		String word = marker();
		String number = created(postJson("/api/incidents", "rita", """
				{"title":"Scanner %s jams","description":"The %s scanner jams on every page","type":"hardware","impact":"low","urgency":"low","service":"printing"}
				""".formatted(word, word))).get("number").asText();
		assertThat(postJson("/api/incidents/" + number + "/known-error", "alice",
				"{\"problemNumber\":\"" + realProblem() + "\"}").statusCode()).isEqualTo(409);
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			var incident = incidents.findByNumber(number).orElseThrow();
			incident.setState(State.RESOLVED);
			incident.setWorkaround("Feed single pages through the " + word + " bypass tray");
		});
		// a known error belongs to a real problem: a well-formed number of none is refused
		assertThat(read(postJson("/api/incidents/" + number + "/known-error", "alice",
				"{\"problemNumber\":\"PRB-4" + digits() + "\"}"), 400).get("errors").toString())
			.contains("problemNumber", "raise the problem first");
		JsonNode ke = created(postJson("/api/incidents/" + number + "/known-error", "alice",
				"{\"problemNumber\":\"" + realProblem() + "\"}"));
		assertThat(ke.get("state").asText()).isEqualTo("draft");
		assertThat(ke.get("sourceIncident").asText()).isEqualTo(number);
		assertThat(ke.get("workaround").asText()).contains("bypass tray");
		// a draft is not suggested until a problem manager published it
		assertThat(ids(read(get("/api/knowledge/search?q=" + word, "alice"), 200)))
			.doesNotContain(ke.get("number").asText());
		read(postJson("/api/known-errors/" + ke.get("number").asText() + "/publication", "admin", ""), 200);
		assertThat(ids(read(get("/api/knowledge/search?q=" + word + "+jams", "alice"), 200)))
			.contains(ke.get("number").asText());
	}

	/** A problem record the known error can belong to, raised as the product raises one. */
	private String realProblem() {
		return problems.raise(new NewProblem(marker() + " problem", null, "email", null, null), ProblemOrigin.API)
			.getNumber();
	}

	private static String digits() {
		return String.valueOf(100_000 + (long) (Math.random() * 899_999));
	}

	private JsonNode created(HttpResponse<String> response) throws Exception {
		return read(response, 201);
	}

	private JsonNode read(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	private static List<String> ids(JsonNode hits) {
		List<String> ids = new ArrayList<>();
		hits.forEach(h -> ids.add(h.has("id") ? h.get("id").asText() : h.get("number").asText()));
		return ids;
	}
}
