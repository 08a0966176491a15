package org.incidentflow.incident.api;

import jakarta.validation.Valid;

import org.incidentflow.incident.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The satisfaction survey of an incident through the API (the portal uses the same {@link SatisfactionSurvey}). */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.incidentflow.web.ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not the caller of the incident",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class SatisfactionController {

	private final SatisfactionSurvey survey;
	private final IncidentSearch search;

	public SatisfactionController(SatisfactionSurvey survey, IncidentSearch search) {
		this.survey = survey;
		this.search = search;
	}

	@PostMapping(path = "/{number}/satisfaction", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rate a resolved or closed incident (satisfaction survey)",
			description = "Only the caller, once per incident, after the incident was resolved or closed: score 1 (very dissatisfied) to 5 (very satisfied) and an optional comment. Agents see the rating in the incident (csatScore, csatComment, csatAt); reports count it.")
	@ApiResponse(responseCode = "200", description = "Rated; answers the incident")
	@ApiResponse(responseCode = "404", description = "No such incident, or one you may not see",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Already rated, or not resolved or closed yet",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public IncidentDetails rate(@PathVariable String number, @Valid @RequestBody SatisfactionRequest request,
			Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		survey.rate(number, request, viewer);
		return search.details(number, viewer);
	}

}
