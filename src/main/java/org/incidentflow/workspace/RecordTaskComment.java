package org.incidentflow.workspace;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.incidentflow.incident.Comment.Visibility;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.process.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * The service tasks "Record comment" that follow each user task of the incident model: the comment field of the form
 * just completed ({@code taskComment}, public or internal) becomes a comment or work note on the incident's record,
 * with its activity entry, in the completion's transaction, and leaves the process (the record is the one place
 * comments live; the next form starts with an empty field). An invalid comment refuses the completion (400) and
 * rolls everything back with it.
 */
@Component("recordTaskComment")
public class RecordTaskComment {

	static final String SOURCE = "tasklist";

	private final IncidentRepository incidents;
	private final IncidentComments comments;
	private final CurrentActor actor;

	public RecordTaskComment(IncidentRepository incidents, IncidentComments comments, CurrentActor actor) {
		this.incidents = incidents;
		this.comments = comments;
		this.actor = actor;
	}

	/** After an agent's task: a public comment or an internal work note, as chosen in the form. */
	public void fromAgent(DelegateExecution execution) {
		record(execution, false);
	}

	/** After the caller's own task (confirm resolution): what the caller writes is public, never a work note. */
	public void fromCaller(DelegateExecution execution) {
		record(execution, true);
	}

	private void record(DelegateExecution execution, boolean caller) {
		Object body = execution.getVariable(Vars.TASK_COMMENT);
		Object visibility = execution.getVariable(Vars.TASK_COMMENT_VISIBILITY);
		execution.removeVariable(Vars.TASK_COMMENT);
		execution.removeVariable(Vars.TASK_COMMENT_VISIBILITY);
		if (body == null || body.toString().isBlank()) {
			return;
		}
		if (!(body instanceof String text) || text.length() > Incident.TEXT_MAX) {
			throw new InvalidSubmissionException(Vars.TASK_COMMENT,
					"Comment must be text of at most " + Incident.TEXT_MAX + " characters.");
		}
		Visibility kind = caller ? callerVisibility(visibility) : visibility(visibility);
		Incident incident = incidents.findByNumber(execution.getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("No incident record for "
				+ execution.getProcessBusinessKey()));
		comments.add(incident, actor.userId(), kind, text.strip(), SOURCE);
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
