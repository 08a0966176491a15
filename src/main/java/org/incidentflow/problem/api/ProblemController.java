package org.incidentflow.problem.api;

import java.net.URI;

import jakarta.validation.Valid;

import org.incidentflow.idempotency.IdempotencyKeys;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.PageView;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The problem API. Raising a problem creates the record and starts its process ({@code problem-management}) in one
 * transaction; its lifecycle steps are Tasklist tasks, which the step actions ({@code root-cause}, {@code fix},
 * {@code closure}) complete for the same groups. The answer is read after that transaction committed.
 */
@RestController
@RequestMapping(path = "/api/problems", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Problems", description = "Raise and follow problems (the underlying cause of incidents); link incidents")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not allowed for your groups",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ProblemController {

	private final ProblemApi problems;
	private final IdempotencyKeys idempotency;

	public ProblemController(ProblemApi problems, IdempotencyKeys idempotency) {
		this.problems = problems;
		this.idempotency = idempotency;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Raise a problem",
			description = "Agents and problem managers. Logs the problem (PRB-000001), starts its lifecycle and links the given incidents (which you must be able to see). With an Idempotency-Key, a retry of the same request within 24 hours answers like the first instead of raising a second problem.")
	@ApiResponse(responseCode = "201", description = "Raised; Location is the problem's URL")
	@ApiResponse(responseCode = "404", description = "A listed incident does not exist or you may not see it",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ResponseEntity<ProblemView> raise(@Valid @RequestBody NewProblemRequest request,
			@Parameter(description = "Optional; 1 to 255 printable ASCII characters, unique per request (a UUID).")
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		IdempotencyKeys.Answer answer = idempotency.once(viewer.userId(), idempotencyKey, "POST /api/problems",
				request, HttpStatus.CREATED, () -> problems.raise(request, viewer));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status())
			.location(URI.create("/api/problems/" + answer.incidentNumber()));
		if (answer.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(problems.details(answer.incidentNumber(), viewer));
	}

	@GetMapping
	@Operation(summary = "Find problems", description = "Newest first. A query parameter not listed here is refused with 400.")
	@ApiResponse(responseCode = "200", description = "One page of problems")
	public PageView<ProblemSummary> list(
			@Parameter(description = "new, investigating, known_error, fix_in_progress, resolved, closed; comma-separated", example = "investigating,known_error")
			@RequestParam(required = false) String state,
			@Parameter(description = "Zero-based page") @RequestParam(required = false) Integer page,
			@Parameter(description = "Page size, 1 to 100, default 20") @RequestParam(required = false) Integer size,
			Authentication authentication) {
		return problems.list(state, page, size, Viewer.of(authentication));
	}

	@GetMapping("/{number}")
	@Operation(summary = "Get a problem with its linked incidents and audit trail",
			description = "Linked incidents you may not see (restricted) are not listed.")
	@ApiResponse(responseCode = "200", description = "The problem")
	@ApiResponse(responseCode = "404", description = "No such problem",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ProblemView get(@Parameter(example = "PRB-000001") @PathVariable String number,
			Authentication authentication) {
		return problems.details(number, Viewer.of(authentication));
	}

	@PutMapping("/{number}/incidents/{incident}")
	@Operation(summary = "Link an incident to the problem",
			description = "Problem managers only. Idempotent: linking a linked incident changes nothing. An incident linked to another problem moves to this one.")
	@ApiResponse(responseCode = "200", description = "Linked; the problem after the change")
	@ApiResponse(responseCode = "404", description = "No such problem or incident",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The problem is closed",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ProblemView link(@PathVariable String number, @Parameter(example = "INC-000042") @PathVariable String incident,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		problems.link(number, incident, viewer);
		return problems.details(number, viewer);
	}

	@DeleteMapping("/{number}/incidents/{incident}")
	@Operation(summary = "Unlink an incident from the problem", description = "Problem managers only.")
	@ApiResponse(responseCode = "200", description = "Unlinked; the problem after the change")
	@ApiResponse(responseCode = "404", description = "No such problem or incident, or the incident is not linked to it",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ProblemView unlink(@PathVariable String number, @PathVariable String incident,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		problems.unlink(number, incident, viewer);
		return problems.details(number, viewer);
	}

	@PostMapping(path = "/{number}/root-cause", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record the root cause (and workaround)",
			description = "Completes the problem's \"Investigate root cause\" task, as Tasklist does: problem managers and the problem's owner group. With a workaround the known error is published.")
	@ApiResponse(responseCode = "200", description = "Recorded; the problem after the step")
	@ApiResponse(responseCode = "404", description = "No such problem",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The problem is not at its root-cause investigation",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ProblemView rootCause(@Parameter(example = "PRB-000001") @PathVariable String number,
			@Valid @RequestBody RootCauseRequest request, Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		problems.recordRootCause(number, request, viewer);
		return problems.details(number, viewer);
	}

	@PostMapping(path = "/{number}/fix", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record the fix (resolves the problem)",
			description = "Completes \"Fix through a change\": problem managers and the owner group. The problem is resolved, its known error retired, and incidents on hold awaiting it resume.")
	@ApiResponse(responseCode = "200", description = "Resolved; the problem after the step")
	@ApiResponse(responseCode = "404", description = "No such problem",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The problem is not waiting for its fix",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ProblemView fix(@Parameter(example = "PRB-000001") @PathVariable String number,
			@Valid @RequestBody FixRequest request, Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		problems.recordFix(number, request, viewer);
		return problems.details(number, viewer);
	}

	@PostMapping(path = "/{number}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Closure review",
			description = "Completes \"Review before closure\": problem managers only. fixConfirmed true closes the problem; false (with reviewNotes) sends it back to fixing and publishes its known error again.")
	@ApiResponse(responseCode = "200", description = "Reviewed; the problem after the step")
	@ApiResponse(responseCode = "404", description = "No such problem",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The problem is not waiting for its closure review",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ProblemView closure(@Parameter(example = "PRB-000001") @PathVariable String number,
			@Valid @RequestBody ClosureRequest request, Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		problems.review(number, request, viewer);
		return problems.details(number, viewer);
	}

}
