package org.incidentflow.workspace;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Comment;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.ConfigurationItemLinks;
import org.incidentflow.incident.ConfigurationItemLinks.LinkedItem;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident as a whole, as the agent reads it at the top of every task form: written in Markdown from the record,
 * its activity and its comments at the moment the form is opened. Only reads.
 * <p>
 * Text people typed (description, comments, handover notes) is escaped so that it shows as typed and cannot
 * restyle the form; form-js sanitises the rendered HTML on top of that.
 */
@Component
public class IncidentBrief {

	/** The name under which the summary reaches the form (Camunda Form text view {@code {{incidentSummary}}}). */
	public static final String VARIABLE = "incidentSummary";

	static final int LATEST = 8;
	static final int EXCERPT = 600;
	/** "Recurring issue" window of the CI's incident count, as in the incident's details on the API. */
	static final int RECENT_DAYS = 30;
	/** Still being worked: new, in progress, on hold. */
	private static final List<State> OPEN = List.of(State.NEW, State.IN_PROGRESS, State.ON_HOLD);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final IncidentRepository incidents;
	private final ActivityRepository activity;
	private final CommentRepository comments;
	private final ConfigurationItemLinks configurationItems;

	public IncidentBrief(IncidentRepository incidents, ActivityRepository activity, CommentRepository comments,
			ConfigurationItemLinks configurationItems) {
		this.incidents = incidents;
		this.activity = activity;
		this.comments = comments;
		this.configurationItems = configurationItems;
	}

	/**
	 * The summary of the incident with this number, or empty when there is none (a task of another process). The
	 * viewer is who opens the form: the CI's incident counts are those the viewer may see.
	 */
	@Transactional(readOnly = true)
	public Optional<String> of(String number, Audience audience, Viewer viewer) {
		return number == null ? Optional.empty() : incidents.findByNumber(number).map(i -> write(i, audience, viewer));
	}

	/**
	 * Who reads the summary: an agent sees everything; the caller (the confirmation task is theirs) sees the facts,
	 * the SLA and the public comments, never a work note, a handover note or the internal activity.
	 */
	public enum Audience {
		AGENT, CALLER
	}

	String write(Incident incident, Audience audience, Viewer viewer) {
		boolean agent = audience == Audience.AGENT;
		Instant now = ClockUtil.getCurrentTime().toInstant();
		StringBuilder md = new StringBuilder();
		md.append("### ").append(incident.getNumber()).append(": ").append(escape(incident.getTitle())).append("\n\n");
		md.append("**State** ").append(words(incident.getState().name()));
		if (incident.getOnHoldReason() != null) {
			md.append(" (").append(words(incident.getOnHoldReason().name())).append(')');
		}
		md.append(" · **Group** ").append(or(incident.getAssignmentGroup()))
			.append(" · **Assignee** ").append(or(incident.getAssignee())).append("\n\n");
		md.append("**Caller** ").append(escape(incident.getCaller())).append(" via ")
			.append(incident.getChannel() == null ? "unknown channel" : words(incident.getChannel().name()))
			.append(" · reported ").append(TIME.format(incident.getReportedAt()))
			.append(incident.getReportedBy() != null && !incident.getReportedBy().equals(incident.getCaller())
					? " by " + escape(incident.getReportedBy()) : "")
			.append("\n\n");
		md.append("**Service** ").append(escape(or(incident.getService())))
			.append(" · **Configuration item** ").append(escape(or(incident.getConfigurationItem())))
			.append(" · **Type** ").append(incident.getType() == null ? "–" : words(incident.getType().name()))
			.append(" · **Category** ").append(escape(or(incident.getCategory()))).append("\n\n");
		if (agent && incident.getConfigurationItem() != null) {
			configurationItem(incident, viewer, now, md);
		}
		md.append("**Priority** ").append(incident.getPriority() == null ? "not yet set" : "P" + incident.getPriority());
		if (incident.getImpact() != null && incident.getUrgency() != null) {
			md.append(" (impact ").append(words(incident.getImpact().name())).append(" × urgency ")
				.append(words(incident.getUrgency().name())).append(", priority matrix)");
		}
		md.append("\n\n");
		md.append("**SLA** ").append(sla("Response", incident.getResponseDueAt(), incident.getFirstResponseAt(),
				incident.isResponseBreached(), incident.getPausedSince(), now))
			.append(" · ").append(sla("Resolution", incident.getResolutionDueAt(), incident.getResolvedAt(),
					incident.isResolutionBreached(), incident.getPausedSince(), now))
			.append("\n\n");
		md.append("**Description**\n\n").append(quote(incident.getDescription())).append("\n\n");

		List<ActivityEntry> entries = agent ? activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()) : List.of();
		if (agent) {
			escalations(incident, entries, md);
			links(incident, md);
		}

		md.append(agent ? "**Latest comments and activity** (newest first)\n\n" : "**Latest comments** (newest first)\n\n");
		List<Line> lines = new ArrayList<>();
		for (Comment comment : comments.findByIncidentOrderByCreatedAtAscIdAsc(incident)) {
			if (!agent && comment.getVisibility() != Comment.Visibility.PUBLIC) {
				continue;
			}
			String kind = comment.getVisibility() == Comment.Visibility.PUBLIC ? "**Public comment**"
					: "**Internal work note**";
			lines.add(new Line(comment.getCreatedAt(), kind + " by " + escape(comment.getAuthor()) + ": "
					+ escape(excerpt(comment.getBody()))));
		}
		for (ActivityEntry entry : entries) {
			if (entry.getEvent().startsWith("COMMENT_") || entry.getEvent().startsWith("WORK_NOTE_")) {
				continue; // the comment itself is listed
			}
			String what = entry.getField() != null ? "Changed " + entry.getField() : words(entry.getEvent());
			lines.add(new Line(entry.getAt(), what + " by " + escape(or(entry.getActor())) + ": "
					+ escape(excerpt(describe(entry)))));
		}
		lines.sort(Comparator.comparing(Line::at).reversed());
		if (lines.isEmpty()) {
			md.append("Nothing yet.\n");
		}
		lines.stream().limit(LATEST).forEach(line -> md.append("- ").append(TIME.format(line.at())).append(" · ")
			.append(line.text()).append('\n'));
		if (agent && lines.size() > LATEST) {
			md.append("\n").append(lines.size() - LATEST).append(" older entries: see the incident's history (API ")
				.append("`/api/incidents/").append(incident.getNumber()).append("`).\n");
		}
		return md.toString();
	}

	private static void escalations(Incident incident, List<ActivityEntry> entries, StringBuilder md) {
		List<ActivityEntry> escalations = entries.stream().filter(e -> "ESCALATED".equals(e.getEvent())).toList();
		md.append("**Escalation chain** ")
			.append(incident.getEscalationChain() == null ? or(incident.getAssignmentGroup()) + " (not escalated)"
					: escape(incident.getEscalationChain().replace(",", " → ")))
			.append("\n\n");
		for (ActivityEntry escalation : escalations) {
			md.append("- ").append(TIME.format(escalation.getAt())).append(", ").append(escape(or(escalation.getActor())))
				.append(": ").append(escape(excerpt(escalation.getDetail()))).append('\n');
		}
		if (!escalations.isEmpty()) {
			md.append('\n');
		}
	}

	/**
	 * The CI as the registry knows it now (a corrected owner group or a retirement shows at once) and how often it
	 * failed lately: the agent sees a recurring issue without leaving the form. Counts include this incident and
	 * only incidents the viewer may see, as the API's counts do.
	 */
	private void configurationItem(Incident incident, Viewer viewer, Instant now, StringBuilder md) {
		Optional<LinkedItem> registered = configurationItems.resolve(incident.getConfigurationItem());
		if (registered.isEmpty()) {
			md.append("**Registered CI** none: ").append(escape(incident.getConfigurationItem()))
				.append(" is not in the configuration-item registry\n\n");
			return;
		}
		LinkedItem ci = registered.get();
		Specification<Incident> onTheItem = IncidentAccess.visibleTo(viewer)
			.and((root, query, cb) -> cb.equal(root.get("configurationItem"), ci.id()));
		Instant since = now.minus(Duration.ofDays(RECENT_DAYS));
		long recent = incidents.count(onTheItem.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("reportedAt"),
				since)));
		long open = incidents.count(onTheItem.and((root, query, cb) -> root.get("state").in(OPEN)));
		md.append("**Registered CI** ").append(escape(ci.id())).append(" (").append(escape(or(ci.name()))).append(", ")
			.append(words(ci.type())).append(") · **Service** ").append(escape(or(ci.service())))
			.append(" · **Owner group** ").append(escape(or(ci.ownerGroup())))
			.append(" · **Criticality** ").append(ci.criticality())
			.append(" · **Status** ").append(words(ci.status())).append("\n\n")
			.append("**Incidents on this CI** ").append(recent).append(" in the last ").append(RECENT_DAYS)
			.append(" days · ").append(open).append(" open (this one included)\n\n");
	}

	private void links(Incident incident, StringBuilder md) {
		List<String> links = new ArrayList<>();
		if (incident.getParent() != null) {
			links.add("parent " + incident.getParent().getNumber());
		}
		if (incident.getDuplicateOf() != null) {
			links.add("duplicate of " + incident.getDuplicateOf().getNumber());
		}
		if (incident.getFollowUpOf() != null) {
			links.add("follow-up of " + incident.getFollowUpOf().getNumber());
		}
		Specification<Incident> duplicates = (root, query, cb) -> cb.equal(root.get("duplicateOf"), incident);
		Specification<Incident> children = (root, query, cb) -> cb.equal(root.get("parent"), incident);
		List<String> duplicateNumbers = incidents.findAll(duplicates, Sort.by("id")).stream().map(Incident::getNumber)
			.toList();
		List<String> childNumbers = incidents.findAll(children, Sort.by("id")).stream().map(Incident::getNumber).toList();
		if (!duplicateNumbers.isEmpty()) {
			links.add("duplicates: " + String.join(", ", duplicateNumbers));
		}
		if (!childNumbers.isEmpty()) {
			links.add("child incidents: " + String.join(", ", childNumbers));
		}
		md.append("**Linked records** ").append(links.isEmpty() ? "none" : String.join(" · ", links)).append("\n\n");
	}

	static String sla(String label, Instant due, Instant met, boolean breached, Instant pausedSince, Instant now) {
		if (due == null) {
			return label + " target not set";
		}
		String text = label + " due " + TIME.format(due);
		if (met != null) {
			return text + (breached || met.isAfter(due) ? ", met late (**breached**)" : ", met");
		}
		if (breached || now.isAfter(due)) {
			return text + ", **breached**" + (now.isAfter(due) ? " " + duration(Duration.between(due, now)) + " ago" : "");
		}
		return text + ", " + duration(Duration.between(now, due)) + " left" + (pausedSince != null ? " (clock paused)" : "");
	}

	static String duration(Duration duration) {
		long minutes = Math.max(0, duration.toMinutes());
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + " h " + (minutes % 60) + " min";
		}
		return (hours / 24) + " d " + (hours % 24) + " h";
	}

	private static String describe(ActivityEntry entry) {
		if (entry.getField() != null) {
			return or(entry.getOldValue()) + " → " + or(entry.getNewValue());
		}
		return or(entry.getDetail());
	}

	static String excerpt(String text) {
		if (text == null) {
			return "–";
		}
		String flat = text.strip().replaceAll("\\s*\\R\\s*", " / ");
		return flat.length() > EXCERPT ? flat.substring(0, EXCERPT - 1) + "…" : flat;
	}

	/** The description as a quoted block: its line breaks kept, its characters shown as typed. */
	static String quote(String text) {
		if (text == null || text.isBlank()) {
			return "> (no description)";
		}
		StringBuilder quoted = new StringBuilder();
		for (String line : text.strip().split("\\R")) {
			quoted.append("> ").append(escape(line)).append("  \n");
		}
		return quoted.toString().stripTrailing();
	}

	/** Backslash-escapes Markdown's punctuation and HTML's angle brackets, so typed text cannot become markup. */
	static String escape(String text) {
		if (text == null) {
			return "–";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '!', '|', '~' ->
					escaped.append('\\').append(c);
				case '\r', '\n' -> escaped.append(' ');
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static String words(String constant) {
		String text = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String or(String value) {
		return value == null || value.isBlank() ? "–" : value;
	}

	private record Line(Instant at, String text) {
	}


}
