package org.incidentflow.incident.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.incidentflow.idempotency.IdempotencyKeys;
import org.incidentflow.incident.Viewer;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
 * The incident API. Every change runs in one transaction through the process; the response is read after that
 * transaction committed, so it shows what the process made of the change.
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Report, find and follow incidents; confirm resolutions; cancel")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not allowed for your groups",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class IncidentController {

	/** Set on an answer that repeats the first answer to the same Idempotency-Key. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	static final String IDEMPOTENCY_KEY_DOC = "Optional; 1 to 255 printable ASCII characters, unique per request "
			+ "(a UUID). A retry with the same key and body within 24 hours gets the first answer; the same key with "
			+ "another body gets 422.";

	private final IncidentActions actions;
	private final IncidentSearch search;
	private final IdempotencyKeys idempotency;

	public IncidentController(IncidentActions actions, IncidentSearch search, IdempotencyKeys idempotency) {
		this.actions = actions;
		this.search = search;
		this.idempotency = idempotency;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report an incident",
			description = "Logs the incident and starts its process. The caller defaults to the authenticated user; requesters can only report for themselves. A failed report leaves neither record nor process behind. With an Idempotency-Key, a retry of the same request within 24 hours answers like the first (same incident, same status, header Idempotent-Replayed: true) instead of opening a second incident.")
	@ApiResponse(responseCode = "201", description = "Reported; Location is the incident's URL")
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ResponseEntity<IncidentDetails> report(@Valid @RequestBody ReportIncidentRequest request,
			@Parameter(description = IDEMPOTENCY_KEY_DOC, example = "3f1c2b8e-6d0a-4e8e-9a51-2f3b7c1d9e40")
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		IdempotencyKeys.Answer answer = idempotency.once(viewer.userId(), idempotencyKey, "POST /api/incidents",
				request, HttpStatus.CREATED, () -> actions.report(request, viewer));
		return answered(answer, search.details(answer.incidentNumber(), viewer));
	}

	@GetMapping
	@Operation(summary = "Find incidents",
			description = "Only incidents you may see are listed and counted. Filters combine with AND; state, priority and type accept several comma-separated values. Sorting: sort=field[,asc|desc], repeatable; default reportedAt,desc. A query parameter not listed here is refused with 400.")
	@ApiResponse(responseCode = "200", description = "One page of incidents")
	public PageView<IncidentSummary> list(
			@Parameter(description = "new, in_progress, on_hold, resolved, closed, canceled (any case)", example = "new,in_progress") @RequestParam(required = false) String state,
			@Parameter(description = "1 to 5", example = "1,2") @RequestParam(required = false) String priority,
			@Parameter(description = "Assignment group id", example = "network-ops") @RequestParam(required = false) String group,
			@Parameter(description = "Assignee user id") @RequestParam(required = false) String assignee,
			@Parameter(description = "Caller user id") @RequestParam(required = false) String caller,
			@Parameter(description = "Affected service") @RequestParam(required = false) String service,
			@Parameter(description = "Affected configuration item (exact)", example = "vpn-gw-01") @RequestParam(required = false) String configurationItem,
			@Parameter(description = "service_degradation, service_outage, security, hardware, software") @RequestParam(required = false) String type,
			@Parameter(description = "Text in title, description or number (case-insensitive)") @RequestParam(required = false) String q,
			@Parameter(description = "Zero-based page") @RequestParam(required = false) Integer page,
			@Parameter(description = "Page size, 1 to 100, default 20") @RequestParam(required = false) Integer size,
			@Parameter(description = "Sortable: number, title, state, priority, impact, urgency, type, channel, caller, service, assignmentGroup, assignee, reportedAt, updatedAt, responseDueAt, resolutionDueAt", example = "priority,asc")
			@RequestParam(required = false) List<String> sort,
			Authentication authentication) {
		return search.list(new IncidentFilter(state, priority, group, assignee, caller, service, configurationItem,
				type, q, page, size, sort), Viewer.of(authentication));
	}

	@GetMapping("/{number}")
	@Operation(summary = "Get an incident with its comments and activity",
			description = "Requesters see public comments and the public lifecycle (reported, state changes, comments); agents see everything.")
	@ApiResponse(responseCode = "200", description = "The incident")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public IncidentDetails get(@Parameter(example = "INC-000042") @PathVariable String number,
			Authentication authentication) {
		return search.details(number, Viewer.of(authentication));
	}

	@PostMapping(path = "/{number}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a comment or work note",
			description = "Requesters can add public comments only. A caller's comment on an incident on hold awaiting the caller resumes work on it. Answers the incident after the change. With an Idempotency-Key, a retry of the same request within 24 hours adds nothing and answers like the first.")
	@ApiResponse(responseCode = "201", description = "Added")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ResponseEntity<IncidentDetails> comment(@PathVariable String number,
			@Valid @RequestBody CommentRequest request,
			@Parameter(description = IDEMPOTENCY_KEY_DOC, example = "3f1c2b8e-6d0a-4e8e-9a51-2f3b7c1d9e40")
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		String normalized = number.trim().toUpperCase(Locale.ROOT);
		IdempotencyKeys.Answer answer = idempotency.once(viewer.userId(), idempotencyKey,
				"POST /api/incidents/" + normalized + "/comments", request, HttpStatus.CREATED, () -> {
					actions.comment(number, request, viewer);
					return search.visible(number, viewer).getNumber();
				});
		return answered(answer, search.details(answer.incidentNumber(), viewer));
	}

	@PostMapping(path = "/{number}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Accept or reject the resolution",
			description = "Only the caller or an incident manager. Rejecting needs a reason and reopens the incident.")
	@ApiResponse(responseCode = "200", description = "The process took the answer")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The incident is not awaiting confirmation",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public IncidentDetails confirm(@PathVariable String number, @Valid @RequestBody ConfirmationRequest request,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		actions.confirmResolution(number, request, viewer);
		return search.details(number, viewer);
	}

	@PostMapping(path = "/{number}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Cancel the incident", description = "The caller or an agent; only while the incident is open.")
	@ApiResponse(responseCode = "200", description = "The process took the cancellation")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Already closed or canceled, or not cancelable at this step",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public IncidentDetails cancel(@PathVariable String number, @Valid @RequestBody CancellationRequest request,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		actions.cancel(number, request, viewer);
		return search.details(number, viewer);
	}

	private static ResponseEntity<IncidentDetails> answered(IdempotencyKeys.Answer answer, IncidentDetails incident) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status()).location(location(incident.number()));
		if (answer.replayed()) {
			response.header(REPLAYED_HEADER, "true");
		}
		return response.body(incident);
	}

	private static URI location(String number) {
		return URI.create("/api/incidents/" + number);
	}

}
