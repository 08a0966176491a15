package org.incidentflow.major;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.engine.EngineAsSystem;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Comment.Visibility;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentNotice.Audience;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.State;
import org.incidentflow.problem.NewProblem;
import org.incidentflow.problem.ProblemManagement;
import org.incidentflow.problem.ProblemOrigin;
import org.incidentflow.process.InvalidSubmissionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import static org.incidentflow.major.MajorIncidentProcess.Vars;

/**
 * The record-changing service tasks of {@code major-incident}, one delegate each. They run in the engine's
 * transaction and are idempotent where a job could run twice.
 */
public final class MajorIncidentSteps {

	private MajorIncidentSteps() {
	}

	static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	static Incident parent(MajorIncidentService majors, DelegateExecution execution) {
		return majors.findIncident(execution.getProcessBusinessKey()).orElseThrow(() -> new IllegalStateException(
				"No incident record " + execution.getProcessBusinessKey() + " for the major incident"));
	}

	static MajorIncident major(MajorIncidentService majors, Incident parent) {
		return majors.majorOf(parent).orElseThrow(() -> new IllegalStateException(parent.getNumber()
				+ " is not a major incident"));
	}

	/** The roles, on the major incident and in the activity of the parent and every child. */
	@Component("recordMajorRoles")
	public static class RecordRoles implements JavaDelegate {

		private final MajorIncidentService majors;
		private final ActivityLog activity;

		public RecordRoles(MajorIncidentService majors, ActivityLog activity) {
			this.majors = majors;
			this.activity = activity;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Incident parent = parent(majors, execution);
			String commander = text(execution, Vars.INCIDENT_COMMANDER);
			String communications = text(execution, Vars.COMMUNICATIONS_LEAD);
			String technical = text(execution, Vars.TECHNICAL_LEAD);
			major(majors, parent).assignRoles(commander, communications, technical, ActivityLog.now());
			String roles = "Incident commander " + commander + ", communications lead " + communications
					+ ", technical lead " + technical;
			activity.event(parent, "MAJOR_ROLES_ASSIGNED", roles);
			for (Incident child : majors.children(parent)) {
				activity.event(child, "PARENT_ROLES_ASSIGNED", parent.getNumber() + ": " + roles);
			}
		}
	}

	/**
	 * Publishes a status update: a public comment on the parent and every child (the portal page of each caller shows
	 * it), a mail to each caller through the outbox, and a notice to the stakeholder groups.
	 */
	@Component("publishMajorStatusUpdate")
	public static class PublishStatusUpdate implements JavaDelegate {

		private final MajorIncidentService majors;
		private final IncidentComments comments;
		private final StatusUpdateRepository updates;
		private final ActivityLog activity;
		private final ApplicationEventPublisher events;

		public PublishStatusUpdate(MajorIncidentService majors, IncidentComments comments,
				StatusUpdateRepository updates, ActivityLog activity, ApplicationEventPublisher events) {
			this.majors = majors;
			this.comments = comments;
			this.updates = updates;
			this.activity = activity;
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Incident parent = parent(majors, execution);
			String body = text(execution, Vars.STATUS_UPDATE);
			if (body == null) {
				throw new InvalidSubmissionException(Vars.STATUS_UPDATE, "The status update is required.");
			}
			if (body.length() > StatusUpdate.BODY_MAX) {
				throw new InvalidSubmissionException(Vars.STATUS_UPDATE, "The status update is too long (at most "
						+ StatusUpdate.BODY_MAX + " characters).");
			}
			String author = text(execution, Vars.COMMUNICATIONS_LEAD);
			author = author == null ? "system" : author;
			String published = "Status update of major incident " + parent.getNumber() + ": " + body;
			List<Incident> told = new ArrayList<>();
			told.add(parent);
			told.addAll(majors.children(parent).stream().filter(Incident::isOpen).toList());
			for (Incident incident : told) {
				comments.add(incident, author, Visibility.PUBLIC, published, "major-incident");
				events.publishEvent(new IncidentNotice(incident.getNumber(), Kind.MAJOR_STATUS_UPDATE, Audience.USER,
						incident.getCaller(), published));
			}
			for (String group : groups(text(execution, Vars.STAKEHOLDER_GROUPS))) {
				events.publishEvent(new IncidentNotice(parent.getNumber(), Kind.MAJOR_STATUS_UPDATE, Audience.GROUP,
						group, published));
			}
			updates.save(new StatusUpdate(parent.getId(), ActivityLog.now(), author, body, told.size() - 1));
			activity.event(parent, "MAJOR_STATUS_PUBLISHED", "To " + (told.size() - 1) + " children's callers: " + body);
		}

		static Set<String> groups(String list) {
			Set<String> groups = new LinkedHashSet<>();
			if (list != null) {
				for (String group : list.split(",")) {
					if (!group.isBlank()) {
						groups.add(group.trim());
					}
				}
			}
			return groups;
		}
	}

	/** A status update was not published in time: the incident managers are told. */
	@Component("escalateMissedMajorUpdate")
	public static class EscalateMissedUpdate implements JavaDelegate {

		private final MajorIncidentService majors;
		private final ActivityLog activity;
		private final ApplicationEventPublisher events;

		public EscalateMissedUpdate(MajorIncidentService majors, ActivityLog activity,
				ApplicationEventPublisher events) {
			this.majors = majors;
			this.activity = activity;
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Incident parent = parent(majors, execution);
			String detail = "The status update of " + parent.getNumber() + " by "
					+ text(execution, Vars.COMMUNICATIONS_LEAD) + " is overdue.";
			activity.event(parent, "MAJOR_UPDATE_MISSED", detail);
			events.publishEvent(new IncidentNotice(parent.getNumber(), Kind.MAJOR_UPDATE_MISSED, Audience.GROUP,
					MajorIncidentProcess.INCIDENT_MANAGERS, detail));
		}
	}

	/**
	 * Resolves the parent and every child still being worked, each through its own incident-management instance
	 * (message AlertsResolved with the parent's resolution): the child's process records the resolution on its own
	 * SLA clocks and tells its caller.
	 */
	@Component("resolveMajorChildren")
	public static class ResolveChildren implements JavaDelegate {

		private final MajorIncidentService majors;
		private final RuntimeService runtimeService;
		private final ActivityLog activity;

		public ResolveChildren(MajorIncidentService majors, RuntimeService runtimeService, ActivityLog activity) {
			this.majors = majors;
			this.runtimeService = runtimeService;
			this.activity = activity;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Incident parent = parent(majors, execution);
			String code = text(execution, Vars.RESOLUTION_CODE);
			String notes = text(execution, Vars.RESOLUTION_NOTES);
			major(majors, parent).resolved(ActivityLog.now());
			int resolved = 0;
			List<Incident> children = majors.children(parent);
			for (Incident child : children) {
				if (resolve(child, code, "Resolved with major incident " + parent.getNumber()
						+ (notes == null ? "" : ": " + notes))) {
					resolved++;
				}
			}
			resolve(parent, code, notes);
			activity.event(parent, "MAJOR_RESOLVED", code + (notes == null ? "" : ": " + notes) + "; " + resolved
					+ " of " + children.size() + " children resolved with it");
		}

		private boolean resolve(Incident incident, String code, String notes) {
			if (incident.getState() == State.RESOLVED || !incident.isOpen()) {
				return false;
			}
			// only incident-management waits for AlertsResolved (the major-incident instance shares the business key)
			java.util.List<org.camunda.bpm.engine.runtime.MessageCorrelationResult> results = EngineAsSystem.call(() -> runtimeService.createMessageCorrelation(IncidentProcess.Messages.ALERTS_RESOLVED)
				.processInstanceBusinessKey(incident.getNumber())
				.setVariable(IncidentProcess.Vars.RESOLUTION_CODE, code)
				.setVariable(IncidentProcess.Vars.RESOLUTION_NOTES, notes)
				.correlateAllWithResult());
			return !results.isEmpty();
		}
	}

	/** The timeline (activity of parent and children, oldest first) and the impact, for the review form. */
	@Component("assembleMajorReview")
	public static class AssembleReview implements JavaDelegate {

		private final MajorIncidentService majors;
		private final ActivityRepository entries;

		public AssembleReview(MajorIncidentService majors, ActivityRepository entries) {
			this.majors = majors;
			this.entries = entries;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Incident parent = parent(majors, execution);
			List<Incident> children = majors.children(parent);
			record Line(ActivityEntry entry, String number) {
			}
			List<Line> lines = new ArrayList<>();
			entries.findByIncidentIdOrderByAtAscIdAsc(parent.getId()).forEach(e -> lines.add(new Line(e, parent.getNumber())));
			for (Incident child : children) {
				entries.findByIncidentIdOrderByAtAscIdAsc(child.getId()).stream()
					.filter(e -> !"FIELD_CHANGED".equals(e.getEvent()))
					.forEach(e -> lines.add(new Line(e, child.getNumber())));
			}
			lines.sort(Comparator.comparing((Line l) -> l.entry().getAt()).thenComparing(l -> l.entry().getId()));
			StringBuilder timeline = new StringBuilder();
			for (Line line : lines) {
				if ("FIELD_CHANGED".equals(line.entry().getEvent())) {
					continue;
				}
				String row = line.entry().getAt() + " " + line.number() + " " + line.entry().getEvent()
						+ (line.entry().getDetail() == null ? "" : ": " + line.entry().getDetail()) + "\n";
				if (timeline.length() + row.length() > 3_900) {
					timeline.append("… (").append(lines.size()).append(" entries in all)\n");
					break;
				}
				timeline.append(row);
			}
			Set<String> services = new LinkedHashSet<>();
			if (parent.getService() != null) {
				services.add(parent.getService());
			}
			children.stream().map(Incident::getService).filter(s -> s != null).forEach(services::add);
			Duration duration = Duration.between(parent.getReportedAt(),
					parent.getResolvedAt() == null ? ActivityLog.now() : parent.getResolvedAt());
			execution.setVariable(Vars.REVIEW_TIMELINE, timeline.toString());
			execution.setVariable(Vars.REVIEW_IMPACT, children.size() + " children, " + duration.toMinutes()
					+ " minutes, services: " + (services.isEmpty() ? "none" : String.join(", ", services)));
		}
	}

	/**
	 * Stores the review and its follow-ups: one line each, {@code type | owner group | due date | description}; type
	 * problem raises a problem record through problem management, type action is tracked by a task.
	 */
	@Component("recordMajorReview")
	public static class RecordReview implements JavaDelegate {

		private final MajorIncidentService majors;
		private final FollowUpRepository followUps;
		private final ProblemManagement problems;
		private final ActivityLog activity;

		public RecordReview(MajorIncidentService majors, FollowUpRepository followUps, ProblemManagement problems,
				ActivityLog activity) {
			this.majors = majors;
			this.followUps = followUps;
			this.problems = problems;
			this.activity = activity;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Incident parent = parent(majors, execution);
			MajorIncident major = major(majors, parent);
			String cause = text(execution, Vars.CAUSE);
			if (cause == null) {
				throw new InvalidSubmissionException(Vars.CAUSE, "The cause is required.");
			}
			List<String[]> lines = parse(text(execution, Vars.FOLLOW_UPS));
			major.reviewed(cause, text(execution, Vars.WENT_WELL), text(execution, Vars.WENT_BADLY),
					execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
							? "system"
							: execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId(),
					ActivityLog.now());
			List<Long> actions = new ArrayList<>();
			for (String[] line : lines) {
				FollowUp followUp = followUps.save(new FollowUp(parent.getId(), line[3], line[0], line[1],
						LocalDate.parse(line[2]), ActivityLog.now()));
				if (FollowUp.PROBLEM.equals(followUp.getType())) {
					String number = problems.raise(new NewProblem(line[3], "Follow-up of major incident "
							+ parent.getNumber() + ": " + parent.getTitle() + "\n\nCause: " + cause,
							parent.getService(), parent.getConfigurationItem(), line[1]), ProblemOrigin.API).getNumber();
					followUp.setProblemNumber(number);
				}
				else {
					actions.add(followUp.getId());
				}
			}
			execution.setVariable(Vars.ACTION_IDS, actions);
			activity.event(parent, "MAJOR_REVIEWED", "Post-incident review: " + lines.size() + " follow-ups ("
					+ (lines.size() - actions.size()) + " problems)");
		}

		static List<String[]> parse(String text) {
			List<String[]> lines = new ArrayList<>();
			if (text == null) {
				return lines;
			}
			int n = 0;
			for (String raw : text.split("\\R")) {
				n++;
				if (raw.isBlank()) {
					continue;
				}
				String[] parts = raw.split("\\|", 4);
				if (parts.length != 4) {
					throw new InvalidSubmissionException(Vars.FOLLOW_UPS, "Follow-up line " + n
							+ ": expected type | owner group | due date | description.");
				}
				for (int i = 0; i < 4; i++) {
					parts[i] = parts[i].trim();
				}
				parts[0] = parts[0].toLowerCase(Locale.ROOT);
				if (!FollowUp.ACTION.equals(parts[0]) && !FollowUp.PROBLEM.equals(parts[0])) {
					throw new InvalidSubmissionException(Vars.FOLLOW_UPS, "Follow-up line " + n
							+ ": type must be action or problem.");
				}
				if (parts[1].isEmpty() || parts[1].length() > 64) {
					throw new InvalidSubmissionException(Vars.FOLLOW_UPS, "Follow-up line " + n
							+ ": an owner group is required.");
				}
				try {
					LocalDate.parse(parts[2]);
				}
				catch (DateTimeParseException ex) {
					throw new InvalidSubmissionException(Vars.FOLLOW_UPS, "Follow-up line " + n
							+ ": due date must be YYYY-MM-DD.");
				}
				if (parts[3].isEmpty() || parts[3].length() > FollowUp.DESCRIPTION_MAX) {
					throw new InvalidSubmissionException(Vars.FOLLOW_UPS, "Follow-up line " + n
							+ ": a description of at most " + FollowUp.DESCRIPTION_MAX + " characters is required.");
				}
				lines.add(parts);
			}
			return lines;
		}
	}

	/** The follow-up of this instance of "Track follow-up action", as local variables of its task. */
	@Component("loadMajorFollowUp")
	public static class LoadFollowUp implements JavaDelegate {

		private final FollowUpRepository followUps;

		public LoadFollowUp(FollowUpRepository followUps) {
			this.followUps = followUps;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Long id = ((Number) execution.getVariable(Vars.ACTION_ID)).longValue();
			FollowUp followUp = followUps.findById(id).orElseThrow(() -> new IllegalStateException("No follow-up " + id));
			execution.setVariableLocal("followUpDescription", followUp.getDescription());
			execution.setVariableLocal("followUpOwnerGroup", followUp.getOwnerGroup());
			execution.setVariableLocal("followUpDueDate",
					Date.from(followUp.getDueDate().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
	}

	@Component("completeMajorFollowUp")
	public static class CompleteFollowUp implements JavaDelegate {

		private final FollowUpRepository followUps;

		public CompleteFollowUp(FollowUpRepository followUps) {
			this.followUps = followUps;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Long id = ((Number) execution.getVariable(Vars.ACTION_ID)).longValue();
			followUps.findById(id).ifPresent(followUp -> followUp.markDone(ActivityLog.now()));
		}
	}

}
