package org.incidentflow.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.OnHoldReason;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.ActivityView;
import org.incidentflow.incident.api.CommentView;
import org.incidentflow.incident.api.IncidentDetails;
import org.incidentflow.incident.api.IncidentFilter;
import org.incidentflow.incident.api.IncidentSearch;
import org.incidentflow.incident.api.IncidentSummary;
import org.incidentflow.incident.api.PageView;
import org.incidentflow.web.Problems;
import org.springframework.stereotype.Service;

/**
 * What the portal reads: the viewer's own incidents (those whose caller they are or that they reported for someone
 * else) and their public side. The
 * portal applies this restriction to every user, agents included, on top of the API's rules
 * ({@link IncidentAccess}): the portal is the caller's view, never the service desk's.
 */
@Service
public class PortalIncidents {

	static final int PAGE_SIZE = 50;

	private final IncidentSearch search;
	private final IdentityService identityService;

	public PortalIncidents(IncidentSearch search, IdentityService identityService) {
		this.search = search;
		this.identityService = identityService;
	}

	/** The viewer's incidents, newest first; {@code state} one state code or null, {@code q} text or null. */
	public PageView<IncidentSummary> mine(Viewer viewer, String state, String q) {
		return search.followedBy(new IncidentFilter(state, null, null, null, null, null, null, null, q, 0,
				PAGE_SIZE, List.of("updatedAt", "desc")), viewer);
	}

	/**
	 * The incident if the viewer is its caller, with only public comments and the public lifecycle; else exactly
	 * the answer for a number that does not exist.
	 */
	public IncidentDetails own(String number, Viewer viewer) {
		IncidentDetails details = search.details(number, viewer);
		if (!viewer.userId().equals(details.caller()) && !viewer.userId().equals(details.reportedBy())) {
			throw Problems.notFound("Incident not found",
					"There is no incident " + number.trim().toUpperCase(Locale.ROOT) + ".");
		}
		return details;
	}

	/**
	 * The person a requester reports for, as typed: a known user by id or e-mail address (their user id), or the
	 * e-mail address of someone without an account (kept as typed, as the start form does); empty if it is neither.
	 */
	public Optional<String> personNamed(String typed) {
		String value = typed.trim();
		if (identityService.createUserQuery().userId(value).count() == 1) {
			return Optional.of(value);
		}
		var byMail = identityService.createUserQuery().userEmail(value).list();
		if (byMail.size() == 1) {
			return Optional.of(byMail.get(0).getId());
		}
		return EMAIL.matcher(value).matches() ? Optional.of(value) : Optional.empty();
	}

	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** Public comments and the public lifecycle, oldest first. Work notes and internal events never appear. */
	public List<TimelineEntry> timeline(IncidentDetails incident) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (CommentView comment : incident.comments()) {
			if ("public".equals(comment.visibility())) {
				entries.add(new TimelineEntry(comment.createdAt(), "comment", "Comment", comment.body(),
						comment.author()));
			}
		}
		for (ActivityView entry : incident.activity()) {
			publicLine(entry).ifPresent(entries::add);
		}
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	/**
	 * The sentence a caller reads for an activity entry; empty for entries that are not for the caller. Escalations
	 * are internal in the API's activity, but that the incident went to another team is public in every service
	 * portal: the caller sees the team, never the handover note.
	 */
	Optional<TimelineEntry> publicLine(ActivityView entry) {
		String event = entry.event();
		if (!IncidentAccess.PUBLIC_EVENTS.contains(event) && !"ESCALATED".equals(event)) {
			return Optional.empty();
		}
		return Optional.ofNullable(switch (event) {
			case "REPORTED" -> line(entry, "reported", "Reported", null);
			case "STATE_CHANGED" -> workStarted(entry);
			case "ESCALATED" -> line(entry, "escalated", "Passed to " + groupName(escalationTarget(entry.detail())),
					"Another team is taking over your incident.");
			case "PUT_ON_HOLD" -> onHold(entry);
			case "RESUMED" -> line(entry, "resumed", "Work resumed", null);
			case "RESOLVED" -> line(entry, "resolved", "Resolved", null);
			case "REOPENED" -> line(entry, "reopened", "Reopened", entry.detail());
			case "CLOSED" -> line(entry, "closed", "Closed", entry.detail());
			case "CANCELED" -> line(entry, "canceled", "Canceled", entry.detail());
			case "FOLLOW_UP", "FOLLOWED_UP" -> line(entry, "follow-up", "Follow-up", entry.detail());
			default -> null; // COMMENT_ADDED: the comment itself is on the timeline
		});
	}

	/** Only "new → in progress": every other state change has its own, more telling entry. */
	private static TimelineEntry workStarted(ActivityView entry) {
		if (state(entry.oldValue()) == State.NEW && state(entry.newValue()) == State.IN_PROGRESS) {
			return line(entry, "progress", "In progress", "The service desk is working on your incident.");
		}
		return null;
	}

	private static TimelineEntry onHold(ActivityView entry) {
		String reason = entry.detail() == null ? "" : entry.detail().trim().replace(' ', '_');
		if (OnHoldReason.AWAITING_CALLER.code().equals(reason)) {
			return line(entry, "waiting-for-you", "On hold: waiting for you",
					"The service desk needs an answer from you. Add a comment below to continue.");
		}
		String what = switch (reason) {
			case "awaiting_change" -> "a planned change";
			case "awaiting_problem" -> "the fix of an underlying problem";
			case "awaiting_vendor" -> "a supplier";
			default -> "someone else";
		};
		return line(entry, "on-hold", "On hold: waiting for " + what, null);
	}

	private static State state(String value) {
		if (value == null) {
			return null;
		}
		try {
			return State.fromCode(value);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	/** "Functional escalation from service-desk to network-ops" → network-ops (process.EscalateToGroup). */
	private static String escalationTarget(String detail) {
		if (detail == null) {
			return null;
		}
		int to = detail.lastIndexOf(" to ");
		return to < 0 ? null : detail.substring(to + 4).trim();
	}

	private String groupName(String groupId) {
		if (groupId == null || groupId.isBlank()) {
			return "another team";
		}
		Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
		return group == null || group.getName() == null ? groupId : group.getName();
	}

	private static TimelineEntry line(ActivityView entry, String kind, String title, String text) {
		return new TimelineEntry(entry.at(), kind, title, text, null);
	}

}
