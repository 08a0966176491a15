package org.incidentflow.incident;

import org.camunda.bpm.engine.RuntimeService;
import org.incidentflow.incident.Comment.Visibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds comments and work notes, from any channel. A public comment by the caller on an incident on hold awaiting the
 * caller resumes it, through the process (message {@link IncidentProcess.Messages#CALLER_UPDATED}).
 */
@Service
public class IncidentComments {

	private final CommentRepository comments;
	private final ActivityLog activity;
	private final RuntimeService runtimeService;

	public IncidentComments(CommentRepository comments, ActivityLog activity, RuntimeService runtimeService) {
		this.comments = comments;
		this.activity = activity;
		this.runtimeService = runtimeService;
	}

	@Transactional
	public Comment add(Incident incident, String author, Visibility visibility, String body, String source) {
		Comment comment = comments.save(new Comment(incident, author, visibility, body, source, ActivityLog.now()));
		activity.event(incident, visibility == Visibility.PUBLIC ? "COMMENT_ADDED" : "WORK_NOTE_ADDED",
				"By " + author + " via " + source);
		if (resumesWork(incident, author, visibility)) {
			runtimeService.createMessageCorrelation(IncidentProcess.Messages.CALLER_UPDATED)
				.processInstanceBusinessKey(incident.getNumber())
				.correlate();
		}
		return comment;
	}

	private static boolean resumesWork(Incident incident, String author, Visibility visibility) {
		return visibility == Visibility.PUBLIC && incident.getState() == State.ON_HOLD
				&& incident.getOnHoldReason() == OnHoldReason.AWAITING_CALLER && author.equals(incident.getCaller());
	}

}
