package org.incidentflow.workspace;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.incidentflow.incident.Comment.Visibility;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.process.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every user task, after the form check: the comment field of the form ({@code taskComment},
 * public or internal) becomes a comment or work note on the incident's record, with its activity entry, in the
 * completion's transaction, and leaves the process (the record is the one place comments live; the next form starts
 * with an empty field). A refusal of the completion rolls the comment back with it.
 */
@Component("recordTaskComment")
public class RecordTaskComment implements TaskListener {

	static final String SOURCE = "tasklist";

	private final IncidentRepository incidents;
	private final IncidentComments comments;
	private final CurrentActor actor;

	public RecordTaskComment(IncidentRepository incidents, IncidentComments comments, CurrentActor actor) {
		this.incidents = incidents;
		this.comments = comments;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		Object body = task.getVariable(Vars.TASK_COMMENT);
		Object visibility = task.getVariable(Vars.TASK_COMMENT_VISIBILITY);
		task.getExecution().removeVariable(Vars.TASK_COMMENT);
		task.getExecution().removeVariable(Vars.TASK_COMMENT_VISIBILITY);
		if (body == null || body.toString().isBlank()) {
			return;
		}
		if (!(body instanceof String text) || text.length() > Incident.TEXT_MAX) {
			throw new InvalidSubmissionException(Vars.TASK_COMMENT,
					"Comment must be text of at most " + Incident.TEXT_MAX + " characters.");
		}
		// the caller's own task (confirm resolution): what the caller writes is public, never a work note
		Visibility kind = Tasks.CONFIRM_RESOLUTION.equals(task.getTaskDefinitionKey())
				? callerVisibility(visibility) : visibility(visibility);
		Incident incident = incidents.findByNumber(task.getExecution().getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("No incident record for " + task.getExecution()
				.getProcessBusinessKey()));
		String author = actor.userId();
		if (CurrentActor.SYSTEM.equals(author) && task.getAssignee() != null) {
			author = task.getAssignee();
		}
		comments.add(incident, author, kind, text.strip(), SOURCE);
	}

	static Visibility callerVisibility(Object value) {
		if (value == null || "public".equals(value)) {
			return Visibility.PUBLIC;
		}
		throw new InvalidSubmissionException(Vars.TASK_COMMENT_VISIBILITY, "Comment: a caller's comment is public.");
	}

	static Visibility visibility(Object value) {
		if (value instanceof String code) {
			switch (code.toLowerCase(Locale.ROOT)) {
				case "public" -> {
					return Visibility.PUBLIC;
				}
				case "internal" -> {
					return Visibility.INTERNAL;
				}
				default -> {
				}
			}
		}
		throw new InvalidSubmissionException(Vars.TASK_COMMENT_VISIBILITY,
				"Comment: choose who may read it (public: the caller too, internal: agents only).");
	}

}
