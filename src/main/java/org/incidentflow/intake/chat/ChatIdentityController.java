package org.incidentflow.intake.chat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.incidentflow.chat.ChatPlatform;
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
	static final Pattern MATTERMOST_ID = Pattern.compile("^[A-Za-z0-9]{2,64}:[A-Za-z0-9]{2,64}$");
	static final Pattern TEAMS_ID = Pattern.compile("^[A-Za-z0-9-]{2,64}:[A-Za-z0-9:_-]{2,130}$");

	/** What an external id looks like per platform, and the example the problem shows. */
	static Pattern idPattern(ChatPlatform platform) {
		return switch (platform) {
			case SLACK -> SLACK_ID;
			case MATTERMOST -> MATTERMOST_ID;
			case TEAMS -> TEAMS_ID;
		};
	}

	static String idExample(ChatPlatform platform) {
		return switch (platform) {
			case SLACK -> "the Slack team_id:user_id, e.g. T1DC2JH3J:U2CERLKJA";
			case MATTERMOST -> "the Mattermost team_id:user_id, e.g. 4xp9fdt7pbgium38k5k6f91ndr:rdc9ak6lrfgfi8dtttw1mmfxhr";
			case TEAMS -> "the Teams tenant id:user's aadObjectId, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47:"
					+ "00000000-0000-0000-0000-000000000001";
		};
	}

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
			@Schema(allowableValues = { "slack", "mattermost", "teams" }) String platform,
			@Schema(description = "Slack, Mattermost: team_id:user_id; Teams: tenant id:aadObjectId", example = "T1DC2JH3J:U2CERLKJA") String externalId,
			@Schema(example = "rita") String userId, Instant createdAt, String createdBy) {

		static ChatIdentityView of(ChatIdentity i) {
			return new ChatIdentityView(i.getId(), i.getPlatform(), i.getExternalId(), i.getUserId(), i.getCreatedAt(),
					i.getCreatedBy());
		}

	}

	@Schema(name = "ChatIdentityRequest")
	public record ChatIdentityRequest(@Schema(allowableValues = { "slack", "mattermost", "teams" }) String platform,
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
		ChatPlatform platform = ChatPlatform.of(request.platform()).orElse(null);
		if (platform == null) {
			problems.add(new FieldProblem("platform", "must be one of slack, mattermost, teams"));
			if (request.externalId() == null || java.util.Arrays.stream(ChatPlatform.values())
				.noneMatch(p -> idPattern(p).matcher(request.externalId()).matches())) {
				problems.add(new FieldProblem("externalId", "must be the chat user's id, e.g. " + idExample(ChatPlatform.SLACK)));
			}
		}
		else if (request.externalId() == null || !idPattern(platform).matcher(request.externalId()).matches()) {
			problems.add(new FieldProblem("externalId", "must be " + idExample(platform)));
		}
		else if (identities.findByPlatformAndExternalId(platform.code(), request.externalId()).isPresent()) {
			problems.add(new FieldProblem("externalId", "is already linked; remove that link first"));
		}
		if (request.userId() == null || request.userId().isBlank() || request.userId().length() > 100
				|| identityService.createUserQuery().userId(request.userId()).count() != 1) {
			problems.add(new FieldProblem("userId", "must be an existing user"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		ChatIdentity saved = identities.save(new ChatIdentity(platform.code(), request.externalId(),
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
