package org.incidentflow.problem;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.incidentflow.engine.EngineAsSystem;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises problems and links incidents to them, whichever way (API, closure review, Investigate, accepted proposal):
 * the record (with its number) and its {@code problem-management} instance (business key = number) are created in
 * one transaction, and every link is written to both audit trails (the incident's as the field
 * {@code problemNumber}, the problem's as {@code INCIDENT_LINKED}).
 */
@Service
public class ProblemManagement {

	private final ProblemRepository problems;
	private final ProblemActivityRepository activity;
	private final IncidentRepository incidents;
	private final RuntimeService runtimeService;
	private final CurrentActor actor;

	public ProblemManagement(ProblemRepository problems, ProblemActivityRepository activity,
			IncidentRepository incidents, RuntimeService runtimeService, CurrentActor actor) {
		this.problems = problems;
		this.activity = activity;
		this.incidents = incidents;
		this.runtimeService = runtimeService;
		this.actor = actor;
	}

	@Transactional
	public Problem raise(NewProblem request, ProblemOrigin origin) {
		String owner = request.ownerGroup() == null || request.ownerGroup().isBlank() ? ProblemProcess.PROBLEM_MANAGERS
				: request.ownerGroup().trim();
		Problem problem = new Problem(Problem.formatNumber(problems.nextNumber()), request.title(), owner,
				actor.userId(), origin, ActivityLog.now());
		problem.setDescription(request.description());
		problem.setService(request.service());
		problem.setConfigurationItem(request.configurationItem());
		problem = problems.save(problem);
		event(problem, "LOGGED", "Raised via " + origin.code().replace('_', ' ') + " by " + actor.userId());
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProblemProcess.Vars.PROBLEM_NUMBER, problem.getNumber());
		variables.put(ProblemProcess.Vars.TITLE, problem.getTitle());
		variables.put(ProblemProcess.Vars.DESCRIPTION, problem.getDescription());
		variables.put(ProblemProcess.Vars.SERVICE, problem.getService());
		variables.put(ProblemProcess.Vars.CONFIGURATION_ITEM, problem.getConfigurationItem());
		variables.put(ProblemProcess.Vars.OWNER_GROUP, problem.getOwnerGroup());
		String number = problem.getNumber();
		ProcessInstance instance = EngineAsSystem.call(
				() -> runtimeService.startProcessInstanceByKey(ProblemProcess.KEY, number, variables));
		problem.setProcessInstanceId(instance.getProcessInstanceId());
		return problem;
	}

	/** Raises a problem for an incident and links it, the incident's facts as the problem's. */
	@Transactional
	public Problem raiseFor(Incident incident, ProblemOrigin origin) {
		String group = incident.getAssignmentGroup();
		Problem problem = raise(new NewProblem(incident.getTitle(), "Raised from " + incident.getNumber()
				+ (incident.getDescription() == null ? "" : ": " + incident.getDescription()), incident.getService(),
				incident.getConfigurationItem(), group), origin);
		link(problem, incident);
		return problem;
	}

	/**
	 * Links the incident to the problem; linking it again is a no-op (a job run twice links once). An incident linked
	 * to another problem moves to this one.
	 */
	@Transactional
	public boolean link(Problem problem, Incident incident) {
		if (problem.getNumber().equals(incident.getProblemNumber())) {
			return false;
		}
		if (problem.getState() == ProblemState.CLOSED) {
			throw new IllegalStateException("Problem " + problem.getNumber() + " is closed; incidents cannot be linked to it.");
		}
		String before = incident.getProblemNumber();
		incident.setProblemNumber(problem.getNumber());
		event(problem, "INCIDENT_LINKED", incident.getNumber() + (before == null ? "" : " (moved from " + before + ")"));
		return true;
	}

	@Transactional
	public boolean unlink(Problem problem, Incident incident) {
		if (!problem.getNumber().equals(incident.getProblemNumber())) {
			return false;
		}
		incident.setProblemNumber(null);
		event(problem, "INCIDENT_UNLINKED", incident.getNumber());
		return true;
	}

	public Optional<Problem> find(String number) {
		return number == null ? Optional.empty() : problems.findByNumber(number.trim().toUpperCase(Locale.ROOT));
	}

	public List<Incident> linkedIncidents(Problem problem) {
		return incidents.findByProblemNumberOrderByReportedAtAsc(problem.getNumber());
	}

	public List<ProblemActivity> activity(Problem problem) {
		return activity.findByProblemIdOrderByAtAscIdAsc(problem.getId());
	}

	/** A lifecycle event in the problem's trail; field changes are written by the field audit itself. */
	public void event(Problem problem, String event, String detail) {
		problem.setUpdatedAt(ActivityLog.now());
		activity.save(new ProblemActivity(problem.getId(), ActivityLog.now(), actor.userId(), event, detail));
	}

}
