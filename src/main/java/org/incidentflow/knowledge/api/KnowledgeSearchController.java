package org.incidentflow.knowledge.api;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.incidentflow.incident.Viewer;
import org.incidentflow.knowledge.AppliedKnowledge;
import org.incidentflow.knowledge.KnowledgeRoles;
import org.incidentflow.knowledge.KnowledgeSearch;
import org.incidentflow.knowledge.RankedKnowledgeSearch;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Ranked search over published knowledge, and knowledge at the incident (suggestions, what was applied). */
@RestController
@Tag(name = "Knowledge search", description = "Ranked search and suggestions over published known errors and articles")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not allowed for your groups",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class KnowledgeSearchController {

	private static final int QUERY_MAX = 1000;

	private final RankedKnowledgeSearch search;
	private final AppliedKnowledge applied;

	public KnowledgeSearchController(RankedKnowledgeSearch search, AppliedKnowledge applied) {
		this.search = search;
		this.applied = applied;
	}

	@GetMapping(path = "/api/knowledge/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Search published knowledge",
			description = "Published known errors (still valid) and articles the caller may read, best first, each with its score and the query words that matched (typos and synonyms included). Requesters always search as audience requester: requester articles and known errors' workarounds, never internal articles or root causes. PostgreSQL: full text (websearch_to_tsquery, ts_rank_cd, weights title A, symptom/error code B, body C) with pg_trgm similarity; H2: a portable matcher (docs/knowledge.md).")
	@ApiResponse(responseCode = "200", description = "Hits, best first (empty for a blank query)")
	public List<HitView> search(
			@Parameter(description = "What the user wrote", example = "outlok crashes") @RequestParam(required = false) String q,
			@Parameter(description = "Affected service: its items rank first", example = "email") @RequestParam(required = false) String service,
			@Parameter(description = "article or known_error; both when absent") @RequestParam(required = false) String kind,
			@Parameter(description = "internal or requester; agents default to internal, requesters can only ask for requester") @RequestParam(required = false) String audience,
			@Parameter(description = "1 to 50, default 10") @RequestParam(required = false) Integer limit,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		if (!KnowledgeRoles.isReader(viewer)) {
			throw Problems.forbidden("No access to knowledge");
		}
		List<FieldProblem> errors = new java.util.ArrayList<>();
		if (q != null && q.length() > QUERY_MAX) {
			errors.add(new FieldProblem("q", "at most " + QUERY_MAX + " characters"));
		}
		if (service != null && service.length() > 100) {
			errors.add(new FieldProblem("service", "at most 100 characters"));
		}
		KnowledgeSearch.Kind wantedKind = null;
		if (kind != null) {
			switch (kind.trim().toLowerCase(Locale.ROOT)) {
				case "article" -> wantedKind = KnowledgeSearch.Kind.ARTICLE;
				case "known_error" -> wantedKind = KnowledgeSearch.Kind.KNOWN_ERROR;
				default -> errors.add(new FieldProblem("kind", "one of: article, known_error"));
			}
		}
		KnowledgeSearch.Audience wantedAudience = KnowledgeRoles.isInternalReader(viewer)
				? KnowledgeSearch.Audience.INTERNAL : KnowledgeSearch.Audience.REQUESTER;
		if (audience != null) {
			switch (audience.trim().toLowerCase(Locale.ROOT)) {
				case "requester" -> wantedAudience = KnowledgeSearch.Audience.REQUESTER;
				case "internal" -> {
					if (!KnowledgeRoles.isInternalReader(viewer)) {
						throw Problems.forbidden("Internal knowledge is for agents");
					}
					wantedAudience = KnowledgeSearch.Audience.INTERNAL;
				}
				default -> errors.add(new FieldProblem("audience", "one of: internal, requester"));
			}
		}
		if (limit != null && (limit < 1 || limit > RankedKnowledgeSearch.MAX_LIMIT)) {
			errors.add(new FieldProblem("limit", "1 to " + RankedKnowledgeSearch.MAX_LIMIT));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return search.search(q, service, wantedKind, wantedAudience, limit == null ? 10 : limit).stream()
			.map(HitView::of).toList();
	}

	@GetMapping(path = "/api/incidents/{number}/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Knowledge suggested for an incident",
			description = "The top known errors and articles for the incident's title and description; known errors of the same service or configuration item first; each with why it was suggested. Agents get internal knowledge, the caller what requesters may read.")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public List<HitView> suggestions(@Parameter(example = "INC-000042") @PathVariable String number,
			@Parameter(description = "1 to 20, default 5") @RequestParam(required = false) Integer limit,
			Authentication authentication) {
		if (limit != null && (limit < 1 || limit > 20)) {
			throw new InvalidRequestException("limit", "1 to 20");
		}
		return applied.suggestions(number, limit == null ? AppliedKnowledge.DEFAULT_SUGGESTIONS : limit,
				Viewer.of(authentication)).stream().map(HitView::of).toList();
	}

	@PostMapping(path = "/api/incidents/{number}/applied-knowledge", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record the known error or article applied to an incident",
			description = "Agents. Sets appliedKnowledge on the incident and adds the activity KNOWLEDGE_APPLIED (the reports' knowledge use). Applying the one already recorded changes nothing.")
	@ApiResponse(responseCode = "200", description = "Recorded (or already recorded)")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The incident is closed or canceled",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public AppliedView apply(@PathVariable String number, @Valid @RequestBody ApplyKnowledgeRequest request,
			Authentication authentication) {
		return AppliedView.of(applied.apply(number, request.id(), Viewer.of(authentication)));
	}
}
