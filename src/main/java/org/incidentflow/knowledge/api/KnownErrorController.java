package org.incidentflow.knowledge.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.incidentflow.incident.Viewer;
import org.incidentflow.knowledge.KnownErrorState;
import org.incidentflow.knowledge.KnownErrors;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The known-error database over HTTP; the rules are in {@link KnownErrors}. */
@RestController
@Tag(name = "Known errors", description = "The known-error database: symptoms, workarounds and root causes of problems")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not allowed for your groups",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class KnownErrorController {

	private final KnownErrors knownErrors;

	public KnownErrorController(KnownErrors knownErrors) {
		this.knownErrors = knownErrors;
	}

	@PostMapping(path = "/api/known-errors", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record a known error (draft)",
			description = "Agents and problem managers. problemNumber, title and symptom are required; one known error per problem. Problem managers publish it.")
	@ApiResponse(responseCode = "201", description = "Recorded as a draft; Location is its URL")
	@ApiResponse(responseCode = "409", description = "The problem already has a known error",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ResponseEntity<KnownErrorView> create(@Valid @RequestBody KnownErrorRequest request,
			Authentication authentication) {
		KnownErrorView view = KnownErrorView.of(knownErrors.create(request.change(), Viewer.of(authentication)));
		return ResponseEntity.created(URI.create("/api/known-errors/" + view.number())).body(view);
	}

	@GetMapping(path = "/api/known-errors", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List known errors", description = "Agents and problem managers; newest first.")
	public List<KnownErrorView> list(
			@Parameter(description = "draft, published or retired") @RequestParam(required = false) String state,
			Authentication authentication) {
		KnownErrorState wanted = null;
		if (state != null) {
			try {
				wanted = KnownErrorState.valueOf(state.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidRequestException("state", "one of: draft, published, retired");
			}
		}
		return knownErrors.list(wanted, Viewer.of(authentication)).stream().map(KnownErrorView::of).toList();
	}

	@GetMapping(path = "/api/known-errors/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Get a known error", description = "Agents and problem managers; for anyone else it does not exist (requesters get the workaround through the search).")
	@ApiResponse(responseCode = "404", description = "No such known error, or not for you",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public KnownErrorView get(@Parameter(example = "KE-000001") @PathVariable String number,
			Authentication authentication) {
		return KnownErrorView.of(knownErrors.read(number, Viewer.of(authentication)));
	}

	@PutMapping(path = "/api/known-errors/{number}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a known error", description = "Absent fields stay as they are. Agents change drafts; a published one is changed by problem managers.")
	@ApiResponse(responseCode = "404", description = "No such known error",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public KnownErrorView update(@PathVariable String number, @Valid @RequestBody KnownErrorRequest request,
			Authentication authentication) {
		return KnownErrorView.of(knownErrors.update(number, request.change(), Viewer.of(authentication)));
	}

	@PostMapping(path = "/api/known-errors/{number}/publication", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Publish a known error", description = "Problem managers. Needs a workaround. From then on it is suggested for new incidents until validTo. Publishing a published one changes nothing.")
	@ApiResponse(responseCode = "409", description = "Retired",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public KnownErrorView publish(@PathVariable String number, Authentication authentication) {
		return KnownErrorView.of(knownErrors.publish(number, Viewer.of(authentication)));
	}

	@PostMapping(path = "/api/known-errors/{number}/retirement", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Retire a known error", description = "Problem managers: the permanent fix is in; no longer suggested.")
	public KnownErrorView retire(@PathVariable String number, @Valid @RequestBody RetirementRequest request,
			Authentication authentication) {
		return KnownErrorView.of(knownErrors.retire(number, request.solution(), Viewer.of(authentication)));
	}

	@PostMapping(path = "/api/incidents/{number}/known-error", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Publish a resolved incident's workaround as a known error",
			description = "Agents. Creates a draft known error from the incident's title, description, workaround and cause, linked to the given problem, for problem managers to review and publish.")
	@ApiResponse(responseCode = "201", description = "Draft recorded")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Not resolved, or the problem already has a known error",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ResponseEntity<KnownErrorView> propose(@PathVariable String number,
			@Valid @RequestBody ProposalRequest request, Authentication authentication) {
		KnownErrorView view = KnownErrorView.of(knownErrors.proposeFromIncident(number, request.problemNumber(),
				Viewer.of(authentication)));
		return ResponseEntity.created(URI.create("/api/known-errors/" + view.number())).body(view);
	}
}
