package org.incidentflow.major.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.IncidentSearch;
import org.incidentflow.major.FollowUpRepository;
import org.incidentflow.major.MajorIncident;
import org.incidentflow.major.MajorIncidentRefusal;
import org.incidentflow.major.MajorIncidentService;
import org.incidentflow.major.StatusUpdateRepository;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Major incidents over HTTP. Agents only; an incident the viewer may not see (a restricted one) is answered like one
 * that does not exist, as in the incident API. Refusals of the linking rules are 409 problems naming the field.
 */
@RestController
@Tag(name = "Major incidents", description = "Declare major incidents, link and unlink children, see the workbench")
@ApiResponse(responseCode = "400", description = "Invalid request: the `errors` property names each bad field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
@ApiResponse(responseCode = "403", description = "Not an agent (or, to declare, not an incident manager)",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such incident (or not visible to you)",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class MajorIncidentController {

	public record ParentRequest(@Schema(description = "Number of the parent", example = "INC-000042") String parent,
			@Schema(description = "Why it is linked (kept in the activity)") String reason) {
	}

	public record UnlinkRequest(@Schema(description = "Why it is unlinked; required") String reason) {
	}

	public record DeclareRequest(@Schema(description = "Why it is a major incident; required") String reason) {
	}

	public record Roles(String incidentCommander, String communicationsLead, String technicalLead, Instant assignedAt) {
	}

	public record Child(String number, String title, String state, String caller, String service, Integer priority) {
	}

	public record Update(Instant publishedAt, String publishedBy, String body, int childrenTold) {
	}

	public record FollowUpView(Long id, String description, String type, String ownerGroup, LocalDate dueDate,
			boolean done, String problemNumber) {
	}

	public record Review(String cause, String wentWell, String wentBadly, Instant reviewedAt, String reviewedBy) {
	}

	@Schema(name = "MajorIncident")
	public record MajorIncidentView(String number, String title, String state, String service, Integer priority,
			Instant declaredAt, String declaredBy, String declareReason, Roles roles, List<Child> children,
			List<Update> statusUpdates, Review review, List<FollowUpView> followUps, Instant resolvedAt) {
	}

	private final MajorIncidentService majors;
	private final IncidentSearch search;
	private final StatusUpdateRepository updates;
	private final FollowUpRepository followUps;

	public MajorIncidentController(MajorIncidentService majors, IncidentSearch search, StatusUpdateRepository updates,
			FollowUpRepository followUps) {
		this.majors = majors;
		this.search = search;
		this.updates = updates;
		this.followUps = followUps;
	}

	@PostMapping(path = "/api/incidents/{number}/major", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Declare the incident a major incident",
			description = "Incident managers only. Flags it major and starts the major-incident process (Assign roles). Declaring it again changes nothing.")
	@ApiResponse(responseCode = "200", description = "The major incident")
	@ApiResponse(responseCode = "409", description = "Closed, resolved or a child of another incident",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@Transactional
	public MajorIncidentView declare(@PathVariable String number, @RequestBody DeclareRequest request,
			Authentication authentication) {
		Viewer viewer = agent(authentication);
		if (!viewer.inAnyOf(java.util.Set.of(IncidentAccess.INCIDENT_MANAGERS, IncidentAccess.ADMINS))) {
			throw Problems.forbidden("Only incident managers declare major incidents.");
		}
		Incident incident = search.visible(number, viewer);
		if (request == null || request.reason() == null || request.reason().isBlank()) {
			throw new InvalidRequestException("reason", "is required");
		}
		majors.declare(incident.getNumber(), request.reason(), viewer.userId());
		return view(incident);
	}

	@PostMapping(path = "/api/incidents/{number}/parent", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Link the incident to a parent",
			description = "No cycles, a parent is no child, a child has no children, no closed or resolved parent. Linking to the parent it already has changes nothing. The caller is told when the parent is a major incident.")
	@ApiResponse(responseCode = "204", description = "Linked")
	@ApiResponse(responseCode = "409", description = "Refused by the linking rules; `field` names parent or number",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	public void link(@PathVariable String number, @RequestBody ParentRequest request, Authentication authentication) {
		Viewer viewer = agent(authentication);
		if (request == null || request.parent() == null || request.parent().isBlank()) {
			throw new InvalidRequestException("parent", "is required");
		}
		Incident child = search.visible(number, viewer);
		Incident parent;
		try {
			parent = search.visible(request.parent().trim(), viewer);
		}
		catch (RuntimeException notVisible) {
			throw new InvalidRequestException("parent", "no such incident: " + request.parent().trim());
		}
		majors.link(child.getNumber(), parent.getNumber(), request.reason(), viewer.userId());
	}

	@DeleteMapping(path = "/api/incidents/{number}/parent", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Unlink the incident from its parent", description = "The reason is required and kept in the activity of both records.")
	@ApiResponse(responseCode = "204", description = "Unlinked")
	@ApiResponse(responseCode = "409", description = "Not linked",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	public void unlink(@PathVariable String number, @RequestBody(required = false) UnlinkRequest request,
			Authentication authentication) {
		Viewer viewer = agent(authentication);
		if (request == null || request.reason() == null || request.reason().isBlank()) {
			throw new InvalidRequestException("reason", "is required");
		}
		Incident child = search.visible(number, viewer);
		majors.unlink(child.getNumber(), request.reason(), viewer.userId());
	}

	@GetMapping(path = "/api/major-incidents/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The major incident: roles, children with their states, status updates, review, follow-ups")
	@ApiResponse(responseCode = "200", description = "The major incident")
	@Transactional(readOnly = true)
	public MajorIncidentView get(@PathVariable String number, Authentication authentication) {
		Viewer viewer = agent(authentication);
		Incident incident = search.visible(number, viewer);
		if (!incident.isMajor()) {
			throw Problems.notFound("Not a major incident", incident.getNumber() + " is not a major incident.");
		}
		return view(incident);
	}

	@ExceptionHandler(MajorIncidentRefusal.class)
	ProblemDetail refused(MajorIncidentRefusal refusal) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal.getMessage());
		problem.setTitle("Refused by the major-incident rules");
		problem.setProperty("field", refusal.field());
		return problem;
	}

	@ExceptionHandler(NoSuchElementException.class)
	ProblemDetail missing(NoSuchElementException missing) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
		problem.setTitle("No such incident");
		return problem;
	}

	private MajorIncidentView view(Incident incident) {
		MajorIncident major = majors.majorOf(incident).orElse(null);
		List<Child> children = majors.children(incident).stream()
			.map(c -> new Child(c.getNumber(), c.getTitle(), c.getState().code(), c.getCaller(), c.getService(),
					c.getPriority()))
			.toList();
		if (major == null) {
			return new MajorIncidentView(incident.getNumber(), incident.getTitle(), incident.getState().code(),
					incident.getService(), incident.getPriority(), null, null, null, null, children, List.of(), null,
					List.of(), null);
		}
		return new MajorIncidentView(incident.getNumber(), incident.getTitle(), incident.getState().code(),
				incident.getService(), incident.getPriority(), major.getDeclaredAt(), major.getDeclaredBy(),
				major.getDeclareReason(),
				new Roles(major.getIncidentCommander(), major.getCommunicationsLead(), major.getTechnicalLead(),
						major.getRolesAssignedAt()),
				children,
				updates.findByMajorIncidentIdOrderByPublishedAtAscIdAsc(incident.getId()).stream()
					.map(u -> new Update(u.getPublishedAt(), u.getPublishedBy(), u.getBody(), u.getChildrenTold()))
					.toList(),
				major.getReviewedAt() == null ? null
						: new Review(major.getReviewCause(), major.getReviewWentWell(), major.getReviewWentBadly(),
								major.getReviewedAt(), major.getReviewedBy()),
				followUps.findByMajorIncidentIdOrderByIdAsc(incident.getId()).stream()
					.map(f -> new FollowUpView(f.getId(), f.getDescription(), f.getType(), f.getOwnerGroup(),
							f.getDueDate(), f.isDone(), f.getProblemNumber()))
					.toList(),
				major.getResolvedAt());
	}

	private static Viewer agent(Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		if (!IncidentAccess.isAgent(viewer)) {
			throw Problems.forbidden("Only agents work with major incidents.");
		}
		return viewer;
	}

}
