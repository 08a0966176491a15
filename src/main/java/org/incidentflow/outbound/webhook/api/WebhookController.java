package org.incidentflow.outbound.webhook.api;

import java.net.URI;
import java.util.List;

import org.incidentflow.identity.AccessGroups;
import org.incidentflow.incident.api.PageView;
import org.incidentflow.outbound.webhook.WebhookSubscription;
import org.incidentflow.outbound.webhook.WebhookSubscriptions;
import org.incidentflow.security.CurrentUser;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.incidentflow.web.ValidationProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Outgoing webhook subscriptions, for administrators (group camunda-admin) only; see docs/integrations.md. */
@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Subscribe URLs to incident events; signed deliveries (Standard Webhooks), at least once")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ValidationProblem.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not an administrator",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class WebhookController {

	static final int MAX_PAGE_SIZE = 100;

	private final WebhookSubscriptions subscriptions;
	private final CurrentUser currentUser;

	public WebhookController(WebhookSubscriptions subscriptions, CurrentUser currentUser) {
		this.subscriptions = subscriptions;
		this.currentUser = currentUser;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Subscribe a URL to events",
			description = "The answer carries the secret (generated when not given); later reads do not.")
	@ApiResponse(responseCode = "201", description = "Subscribed")
	public ResponseEntity<WebhookView> create(@RequestBody WebhookRequest request) {
		requireAdministrator();
		WebhookSubscription created = subscriptions.create(change(request), currentUser.requireId());
		return ResponseEntity.created(URI.create("/api/webhooks/" + created.getId()))
			.body(WebhookView.of(created, true));
	}

	@GetMapping
	@Operation(summary = "All subscriptions")
	public List<WebhookView> list() {
		requireAdministrator();
		return subscriptions.list().stream().map(s -> WebhookView.of(s, false)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One subscription")
	@ApiResponse(responseCode = "404", description = "No such subscription",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public WebhookView get(@PathVariable Long id) {
		requireAdministrator();
		return WebhookView.of(subscriptions.get(id), false);
	}

	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a subscription",
			description = "Only the fields given change. {\"enabled\": true} enables a disabled subscription again; deliveries queued meanwhile are sent then.")
	@ApiResponse(responseCode = "404", description = "No such subscription",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public WebhookView update(@PathVariable Long id, @RequestBody WebhookRequest request) {
		requireAdministrator();
		return WebhookView.of(subscriptions.update(id, change(request)), request.secret() != null);
	}

	@Schema(name = "WebhookSecretRotation")
	public record SecretRotation(
			@Schema(description = "The new secret (whsec_ and base64 of 24 to 64 bytes); generated when not given") String secret,
			@Schema(description = "How long deliveries also carry the old secret's signature (ISO-8601, PT0S to P30D); default incidentflow.webhooks.secret-grace-period", example = "PT24H") String gracePeriod) {
	}

	@PostMapping(path = "/{id}/secret")
	@Operation(summary = "Rotate the secret",
			description = "The answer carries the new secret. Until previousSecretValidUntil every delivery carries two signatures, space-separated in webhook-signature (new first, then old), so the receiver can switch secrets without losing a delivery.")
	@ApiResponse(responseCode = "200", description = "Rotated")
	@ApiResponse(responseCode = "404", description = "No such subscription",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public WebhookView rotateSecret(@PathVariable Long id, @RequestBody(required = false) SecretRotation request) {
		requireAdministrator();
		java.time.Duration grace = null;
		if (request != null && request.gracePeriod() != null) {
			try {
				grace = java.time.Duration.parse(request.gracePeriod().trim());
			}
			catch (java.time.format.DateTimeParseException e) {
				throw new InvalidRequestException("gracePeriod", "must be an ISO-8601 duration such as PT24H");
			}
		}
		return WebhookView.of(subscriptions.rotateSecret(id, request == null ? null : request.secret(), grace), true);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a subscription and its deliveries")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No such subscription",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public ResponseEntity<Void> delete(@PathVariable Long id) {
		requireAdministrator();
		subscriptions.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "Deliveries of a subscription, newest first, with their outcome")
	@ApiResponse(responseCode = "404", description = "No such subscription",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	public PageView<DeliveryView> deliveries(@PathVariable Long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		requireAdministrator();
		if (page < 0) {
			throw new InvalidRequestException("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		return PageView.of(subscriptions.deliveries(id, page, size), DeliveryView::of);
	}

	private static WebhookSubscriptions.Change change(WebhookRequest request) {
		if (request == null) {
			throw new InvalidRequestException("body", "must be a JSON object");
		}
		return new WebhookSubscriptions.Change(request.url(), request.events(), request.template(),
				request.routingKey(), request.secret(), request.enabled(), request.description());
	}

	/** The security chain already restricts the path; this keeps the rule next to the code it protects. */
	private void requireAdministrator() {
		if (!currentUser.isMemberOf(AccessGroups.ADMINS)) {
			throw Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Webhooks are for administrators.");
		}
	}

}
