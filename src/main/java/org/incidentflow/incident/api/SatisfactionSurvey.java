package org.incidentflow.incident.api;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.Viewer;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction survey (CSAT) of an incident: the caller rates a resolved or closed incident once, 1 to 5 with an
 * optional comment, from the portal, the link in the resolution mail or the API. The rating is stored on the record
 * ({@code csat_score}, {@code csat_comment}, {@code csat_at}), where agents see it and reports count it. Only the
 * caller answers: a rating given on someone's behalf would not measure the caller's satisfaction.
 */
@Service
public class SatisfactionSurvey {

	private final IncidentSearch search;

	public SatisfactionSurvey(IncidentSearch search) {
		this.search = search;
	}

	/** May the viewer answer the survey of this incident now (caller, resolved or closed, not rated yet)? */
	public static boolean mayRate(Viewer viewer, Incident incident) {
		return viewer.userId().equals(incident.getCaller()) && incident.awaitsSatisfactionRating();
	}

	@Transactional
	public void rate(String number, SatisfactionRequest request, Viewer viewer) {
		Incident incident = search.visible(number, viewer);
		if (!viewer.userId().equals(incident.getCaller())) {
			throw Problems.forbidden("Only the caller of " + incident.getNumber() + " can rate it.");
		}
		if (request.score() == null || request.score() < 1 || request.score() > 5) {
			throw new InvalidRequestException("score", "must be a whole number from 1 to 5");
		}
		if (request.comment() != null && request.comment().length() > Incident.CSAT_COMMENT_MAX) {
			throw new InvalidRequestException("comment", "must be at most " + Incident.CSAT_COMMENT_MAX + " characters");
		}
		if (incident.getCsatScore() != null) {
			throw Problems.conflict("Already rated", "Incident " + incident.getNumber()
					+ " was already rated; a rating is given once.");
		}
		if (!incident.awaitsSatisfactionRating()) {
			throw Problems.conflict("Not resolved", "Incident " + incident.getNumber() + " is "
					+ incident.getState().code() + "; it can be rated once it is resolved or closed.");
		}
		// the record's version guards the "once": a concurrent second rating fails its update (409, ApiProblems)
		incident.rateSatisfaction(request.score(), request.comment(), ActivityLog.now());
	}

}
