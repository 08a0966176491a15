package org.incidentflow.intake.chat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.incidentflow.identity.AccessGroups;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.security.CurrentUser;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Links chat users to product users, for administrators (camunda-admin). */
@RestController
@RequestMapping(path = "/api/chat-identities", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Chat intake")
public class ChatIdentityController {

	static final Pattern SLACK_ID = Pattern.compile("^[A-Z0-9]{2,40}:[A-Z0-9]{2,40}$");

	private final ChatIdentityRepository identities;
	private final IdentityService identityService;
	private final CurrentUser currentUser;

	public ChatIdentityController(ChatIdentityRepository identities, IdentityService identityService,
			CurrentUser currentUser) {
		this.identities = identities;
		this.identityService = identityService;
		this.currentUser = currentUser;
	}

	@Schema(name = "ChatIdentity")
	public record ChatIdentityView(Long id,
			@Schema(allowableValues = "slack") String platform,
			@Schema(description = "Slack: team_id:user_id", example = "T1DC2JH3J:U2CERLKJA") String externalId,
			@Schema(example = "rita") String userId, Instant createdAt, String createdBy) {

		static ChatIdentityView of(ChatIdentity i) {
			return new ChatIdentityView(i.getId(), i.getPlatform(), i.getExternalId(), i.getUserId(), i.getCreatedAt(),
					i.getCreatedBy());
		}

	}

	@Schema(name = "ChatIdentityRequest")
	public record ChatIdentityRequest(@Schema(allowableValues = "slack") String platform,
			@Schema(example = "T1DC2JH3J:U2CERLKJA") String externalId, @Schema(example = "rita") String userId) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Link a chat user to a product user")
	@Transactional
	public ResponseEntity<ChatIdentityView> link(@RequestBody ChatIdentityRequest request) {
		requireAdministrator();
		if (request == null) {
			throw new InvalidRequestException("body", "must be a JSON object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!SlackCommands.PLATFORM.equals(request.platform())) {
			problems.add(new FieldProblem("platform", "must be slack"));
		}
		if (request.externalId() == null || !SLACK_ID.matcher(request.externalId()).matches()) {
			problems.add(new FieldProblem("externalId", "must be the Slack team_id:user_id, e.g. T1DC2JH3J:U2CERLKJA"));
		}
		else if (identities.findByPlatformAndExternalId(SlackCommands.PLATFORM, request.externalId()).isPresent()) {
			problems.add(new FieldProblem("externalId", "is already linked; remove that link first"));
		}
		if (request.userId() == null || request.userId().isBlank() || request.userId().length() > 100
				|| identityService.createUserQuery().userId(request.userId()).count() != 1) {
			problems.add(new FieldProblem("userId", "must be an existing user"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		ChatIdentity saved = identities.save(new ChatIdentity(request.platform(), request.externalId(),
				request.userId(), currentUser.requireId(), ActivityLog.now()));
		return ResponseEntity.created(URI.create("/api/chat-identities/" + saved.getId()))
			.body(ChatIdentityView.of(saved));
	}

	@GetMapping
	@Operation(summary = "All links")
	public List<ChatIdentityView> list() {
		requireAdministrator();
		return identities.findAllByOrderByIdAsc().stream().map(ChatIdentityView::of).toList();
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a link")
	@Transactional
	public ResponseEntity<Void> unlink(@PathVariable Long id) {
		requireAdministrator();
		ChatIdentity identity = identities.findById(id).orElseThrow(() -> Problems.notFound("Chat identity not found",
				"There is no chat identity " + id + "."));
		identities.delete(identity);
		return ResponseEntity.noContent().build();
	}

	private void requireAdministrator() {
		if (!currentUser.isMemberOf(AccessGroups.ADMINS)) {
			throw Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Chat identities are for administrators.");
		}
	}

}
