package org.incidentflow.problem.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.IncidentSearch;
import org.incidentflow.incident.api.PageView;
import org.incidentflow.identity.AccessGroups;
import org.incidentflow.problem.NewProblem;
import org.incidentflow.problem.Problem;
import org.incidentflow.problem.ProblemManagement;
import org.incidentflow.problem.ProblemOrigin;
import org.incidentflow.problem.ProblemProcess;
import org.incidentflow.problem.ProblemRepository;
import org.incidentflow.problem.ProblemState;
import org.incidentflow.process.InvalidSubmissionException;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the problem API does, with its access rules: agents (support groups, incident and problem managers,
 * administrators) read and raise problems; problem managers and administrators link and unlink incidents. Incidents
 * are linked only if the caller may see them, and a problem lists only the linked incidents its reader may see
 * (restricted incidents stay hidden). The lifecycle steps (root cause, fix, closure review) complete the problem's
 * task as Tasklist does, for the task's candidate groups.
 */
@Service
public class ProblemApi {

	static final Set<String> MANAGERS = Set.of(AccessGroups.PROBLEM_MANAGERS, AccessGroups.ADMINS);

	private final ProblemManagement problems;
	private final ProblemRepository repository;
	private final IncidentSearch incidents;
	private final TaskService taskService;

	public ProblemApi(ProblemManagement problems, ProblemRepository repository, IncidentSearch incidents,
			TaskService taskService) {
		this.problems = problems;
		this.repository = repository;
		this.incidents = incidents;
		this.taskService = taskService;
	}

	/** Completes "Investigate root cause", as Tasklist would: problem managers and the owner group. */
	@Transactional
	public void recordRootCause(String number, RootCauseRequest request, Viewer viewer) {
		Map<String, Object> variables = new HashMap<>();
		put(variables, ProblemProcess.Vars.ROOT_CAUSE, request.rootCause());
		put(variables, ProblemProcess.Vars.WORKAROUND, request.workaround());
		put(variables, ProblemProcess.Vars.ERROR_CODE, request.errorCode());
		complete(number, ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE, "root-cause investigation", variables, viewer);
	}

	/** Completes "Fix through a change": the problem is resolved and its waiting incidents resume. */
	@Transactional
	public void recordFix(String number, FixRequest request, Viewer viewer) {
		Map<String, Object> variables = new HashMap<>();
		put(variables, ProblemProcess.Vars.CHANGE_REFERENCE, request.changeReference());
		put(variables, ProblemProcess.Vars.RESOLUTION, request.resolution());
		complete(number, ProblemProcess.Tasks.FIX_THROUGH_CHANGE, "fix", variables, viewer);
	}

	/** Completes the closure review (problem managers only, as its candidate group). */
	@Transactional
	public void review(String number, ClosureRequest request, Viewer viewer) {
		Map<String, Object> variables = new HashMap<>();
		if (request.fixConfirmed() != null) {
			variables.put(ProblemProcess.Vars.FIX_CONFIRMED, request.fixConfirmed());
		}
		put(variables, ProblemProcess.Vars.REVIEW_NOTES, request.reviewNotes());
		complete(number, ProblemProcess.Tasks.REVIEW_PROBLEM, "closure review", variables, viewer);
	}

	/**
	 * Completes the problem's open task of that step. Who may is who the task is for: its candidate groups (the
	 * model's), or administrators. The form check of the model refuses bad input (400 naming the field).
	 */
	private void complete(String number, String taskKey, String step, Map<String, Object> variables, Viewer viewer) {
		requireAgent(viewer);
		Problem problem = find(number);
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(problem.getNumber())
			.processDefinitionKey(ProblemProcess.KEY).taskDefinitionKey(taskKey).active().singleResult();
		if (task == null) {
			throw Problems.conflict("Not at that step", "Problem " + problem.getNumber() + " is "
					+ problem.getState().code() + ": it is not waiting for its " + step + ".");
		}
		Set<String> candidates = new HashSet<>(Set.of(AccessGroups.ADMINS));
		taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.forEach(link -> candidates.add(link.getGroupId()));
		if (!viewer.inAnyOf(candidates)) {
			throw Problems.forbidden("The " + step + " of " + problem.getNumber() + " is for "
					+ String.join(", ", candidates.stream().filter(g -> !g.equals(AccessGroups.ADMINS)).sorted()
						.toList()) + ".");
		}
		try {
			taskService.complete(task.getId(), variables);
		}
		catch (ProcessEngineException ex) {
			InvalidSubmissionException refusal = InvalidSubmissionException.in(ex).orElseThrow(() -> ex);
			throw new InvalidRequestException(refusal.variable(), refusal.getMessage());
		}
	}

	private static void put(Map<String, Object> variables, String name, String value) {
		if (value != null && !value.isBlank()) {
			variables.put(name, value.trim());
		}
	}

	@Transactional
	public String raise(NewProblemRequest request, Viewer viewer) {
		requireAgent(viewer);
		List<Incident> linked = new ArrayList<>();
		if (request.incidents() != null) {
			for (String number : request.incidents()) {
				linked.add(incidents.visible(number, viewer));
			}
		}
		Problem problem = problems.raise(new NewProblem(request.title().trim(), blankToNull(request.description()),
				blankToNull(request.service()), blankToNull(request.configurationItem()),
				blankToNull(request.ownerGroup())), ProblemOrigin.API);
		linked.forEach(incident -> problems.link(problem, incident));
		return problem.getNumber();
	}

	@Transactional(readOnly = true)
	public ProblemView details(String number, Viewer viewer) {
		requireAgent(viewer);
		Problem problem = find(number);
		List<ProblemView.LinkedIncident> linked = problems.linkedIncidents(problem).stream()
			.filter(incident -> IncidentAccess.maySee(viewer, incident))
			.map(i -> new ProblemView.LinkedIncident(i.getNumber(), i.getTitle(), code(i.getState()),
					i.getOnHoldReason() == null ? null : i.getOnHoldReason().code()))
			.toList();
		List<ProblemView.Activity> activity = problems.activity(problem).stream()
			.map(a -> new ProblemView.Activity(a.getAt(), a.getActor(), a.getEvent(), a.getField(), a.getOldValue(),
					a.getNewValue(), a.getDetail()))
			.toList();
		return ProblemView.of(problem, linked, activity);
	}

	@Transactional(readOnly = true)
	public PageView<ProblemSummary> list(String state, Integer page, Integer size, Viewer viewer) {
		requireAgent(viewer);
		List<FieldProblem> errors = new ArrayList<>();
		List<ProblemState> states = new ArrayList<>();
		if (state != null) {
			for (String code : state.split(",")) {
				try {
					states.add(ProblemState.fromCode(code));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new FieldProblem("state", "'" + code.trim() + "' is not a problem state; use "
							+ String.join(", ", Arrays.stream(ProblemState.values()).map(ProblemState::code).toList())));
				}
			}
		}
		int pageNumber = page == null ? 0 : page;
		int pageSize = size == null ? 20 : size;
		if (pageNumber < 0) {
			errors.add(new FieldProblem("page", "must be 0 or more"));
		}
		if (pageSize < 1 || pageSize > 100) {
			errors.add(new FieldProblem("size", "must be between 1 and 100"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		PageRequest request = PageRequest.of(pageNumber, pageSize, Sort.by(Sort.Direction.DESC, "loggedAt", "id"));
		Page<Problem> result = states.isEmpty() ? repository.findAll(request) : repository.findByStateIn(states, request);
		return new PageView<>(result.getContent().stream().map(ProblemSummary::of).toList(), pageNumber, pageSize,
				result.getTotalElements(), result.getTotalPages());
	}

	@Transactional
	public void link(String number, String incidentNumber, Viewer viewer) {
		requireManager(viewer);
		Problem problem = find(number);
		if (problem.getState() == ProblemState.CLOSED) {
			throw Problems.conflict("Problem closed", "Problem " + problem.getNumber()
					+ " is closed; incidents cannot be linked to it.");
		}
		problems.link(problem, incidents.visible(incidentNumber, viewer));
	}

	@Transactional
	public void unlink(String number, String incidentNumber, Viewer viewer) {
		requireManager(viewer);
		Problem problem = find(number);
		Incident incident = incidents.visible(incidentNumber, viewer);
		if (!problem.getNumber().equals(incident.getProblemNumber())) {
			throw Problems.notFound("Not linked", "Incident " + incident.getNumber() + " is not linked to "
					+ problem.getNumber() + ".");
		}
		problems.unlink(problem, incident);
	}

	private Problem find(String number) {
		String normalized = number.trim().toUpperCase(Locale.ROOT);
		return problems.find(normalized)
			.orElseThrow(() -> Problems.notFound("Problem not found", "There is no problem " + normalized + "."));
	}

	static void requireAgent(Viewer viewer) {
		if (!IncidentAccess.isAgent(viewer)) {
			throw Problems.forbidden("Problem records are for support agents and problem managers.");
		}
	}

	static void requireManager(Viewer viewer) {
		if (!viewer.inAnyOf(MANAGERS)) {
			throw Problems.forbidden("Only problem managers link and unlink incidents.");
		}
	}

	private static String code(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
