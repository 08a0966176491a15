package org.incidentflow.security.token;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.incidentflow.identity.AccessGroups;
import org.incidentflow.security.CurrentUser;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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

/** Administration of integration tokens: {@code camunda-admin} only. */
@RestController
@RequestMapping(path = "/api/integration-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integration tokens", description = "API tokens for Alertmanager, Grafana and other integrations (administrators only)")
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not an administrator (camunda-admin), or called with a token",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class IntegrationTokenController {

	private final IntegrationTokens tokens;
	private final CurrentUser currentUser;

	public IntegrationTokenController(IntegrationTokens tokens, CurrentUser currentUser) {
		this.tokens = tokens;
		this.currentUser = currentUser;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a token",
			description = "Answers the token once (property `token`); only its SHA-256 is stored. Send it as `Authorization: Bearer <token>` to the intake endpoints of its scope; it opens nothing else. See docs/intake.md for Alertmanager and Grafana.")
	@ApiResponse(responseCode = "201", description = "Created; Location is the token's URL")
	@ApiResponse(responseCode = "400", description = "Invalid name or scope",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
	public ResponseEntity<IntegrationTokenView> create(@Valid @RequestBody IntegrationTokenRequest request) {
		String administrator = requireAdministrator();
		IntegrationTokens.Issued issued = tokens.issue(request.name(), request.scopeOrDefault(), administrator);
		return ResponseEntity.created(URI.create("/api/integration-tokens/" + issued.token().getId()))
			.body(IntegrationTokenView.of(issued.token(), issued.secret()));
	}

	@GetMapping
	@Operation(summary = "List tokens", description = "Active and revoked tokens, oldest first; never the tokens themselves.")
	public List<IntegrationTokenView> list() {
		requireAdministrator();
		return tokens.list().stream().map(token -> IntegrationTokenView.of(token, null)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a token")
	@ApiResponse(responseCode = "404", description = "No such token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public IntegrationTokenView get(@PathVariable long id) {
		requireAdministrator();
		return tokens.find(id).map(token -> IntegrationTokenView.of(token, null)).orElseThrow(() -> notFound(id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke a token",
			description = "From now on the token is refused (401) on every node. Revoking again changes nothing. The token stays listed as revoked.")
	@ApiResponse(responseCode = "200", description = "Revoked")
	@ApiResponse(responseCode = "404", description = "No such token",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public IntegrationTokenView revoke(@PathVariable long id) {
		String administrator = requireAdministrator();
		return tokens.revoke(id, administrator).map(token -> IntegrationTokenView.of(token, null))
			.orElseThrow(() -> notFound(id));
	}

	private String requireAdministrator() {
		if (!currentUser.isMemberOf(AccessGroups.ADMINS)) {
			throw problem(HttpStatus.FORBIDDEN, "Only administrators (camunda-admin) manage integration tokens.");
		}
		return currentUser.requireId();
	}

	private static ErrorResponseException notFound(long id) {
		return problem(HttpStatus.NOT_FOUND, "No integration token " + id + ".");
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
