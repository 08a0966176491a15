package org.incidentflow.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The known-error database: agents draft (also from a resolved incident's workaround), problem managers publish and
 * retire, problem management records one known error per problem through {@link KnownErrorRegister}.
 */
@Service
public class KnownErrors implements KnownErrorRegister {

	public static final Pattern PROBLEM_NUMBER = Pattern.compile("PRB-\\d{6,10}");

	/** What an author gives; null fields of an update stay as they are. */
	public record Change(String problemNumber, String title, String symptom, String workaround, String rootCause,
			String errorCode, String service, List<String> configurationItems, Instant validTo) {
	}

	private final KnownErrorRepository knownErrors;
	private final IncidentRepository incidents;
	private final ProblemRecords problems;

	public KnownErrors(KnownErrorRepository knownErrors, IncidentRepository incidents, ProblemRecords problems) {
		this.knownErrors = knownErrors;
		this.incidents = incidents;
		this.problems = problems;
	}

	@Transactional
	public KnownError create(Change change, Viewer viewer) {
		if (!KnowledgeRoles.mayDraft(viewer)) {
			throw Problems.forbidden("Only agents and problem managers record known errors");
		}
		List<FieldProblem> errors = new ArrayList<>();
		requireText(errors, "problemNumber", change.problemNumber());
		requireText(errors, "title", change.title());
		requireText(errors, "symptom", change.symptom());
		checkProblemNumber(errors, change.problemNumber());
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		String problem = normalize(change.problemNumber());
		if (knownErrors.findByProblemNumber(problem).isPresent()) {
			throw Problems.conflict("Known error exists",
					"Problem " + problem + " already has its known error " + knownErrors.findByProblemNumber(problem)
						.get().getNumber() + "; update that one");
		}
		KnownError knownError = new KnownError(knownErrors.nextNumber(), problem, change.title(), change.symptom(),
				viewer.userId(), ActivityLog.now());
		apply(knownError, change);
		return knownErrors.save(knownError);
	}

	/**
	 * "Publish as known error" on a resolved incident: a draft from the incident's title, description and workaround,
	 * for problem managers to review and publish.
	 */
	@Transactional
	public KnownError proposeFromIncident(String incidentNumber, String problemNumber, Viewer viewer) {
		if (!IncidentAccess.isAgent(viewer)) {
			throw Problems.forbidden("Only agents propose known errors from incidents");
		}
		Incident incident = incidents.findByNumber(incidentNumber.trim().toUpperCase(Locale.ROOT))
			.filter(i -> IncidentAccess.maySee(viewer, i))
			.orElseThrow(() -> Problems.notFound("No such incident", "No incident " + incidentNumber));
		if (incident.getState() != State.RESOLVED && incident.getState() != State.CLOSED) {
			throw Problems.conflict("Incident not resolved", "A known error is proposed from a resolved incident");
		}
		if (incident.getWorkaround() == null || incident.getWorkaround().isBlank()) {
			throw new InvalidRequestException("workaround", "the incident records no workaround to publish");
		}
		KnownError draft = create(new Change(problemNumber, incident.getTitle(),
				incident.getDescription() == null || incident.getDescription().isBlank() ? incident.getTitle()
						: incident.getDescription(),
				incident.getWorkaround(), incident.getCause(), null, incident.getService(),
				incident.getConfigurationItem() == null ? List.of() : List.of(incident.getConfigurationItem()), null),
				viewer);
		draft.setSourceIncident(incident.getNumber());
		return draft;
	}

	@Transactional
	public KnownError update(String number, Change change, Viewer viewer) {
		KnownError knownError = lockedForChange(number, viewer);
		if (knownError.getState() != KnownErrorState.DRAFT && !KnowledgeRoles.mayPublishKnownErrors(viewer)) {
			throw Problems.forbidden("A published known error is changed by problem managers");
		}
		List<FieldProblem> errors = new ArrayList<>();
		blankGiven(errors, "title", change.title());
		blankGiven(errors, "symptom", change.symptom());
		if (change.problemNumber() != null) {
			checkProblemNumber(errors, change.problemNumber());
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		if (change.problemNumber() != null && !normalize(change.problemNumber()).equals(knownError.getProblemNumber())
				&& knownErrors.findByProblemNumber(normalize(change.problemNumber())).isPresent()) {
			throw Problems.conflict("Known error exists", "That problem already has a known error");
		}
		apply(knownError, change);
		knownError.touch(ActivityLog.now());
		return knownError;
	}

	@Transactional
	public KnownError publish(String number, Viewer viewer) {
		if (!KnowledgeRoles.mayPublishKnownErrors(viewer)) {
			throw Problems.forbidden("Known errors are published by problem managers");
		}
		KnownError knownError = lockedForChange(number, viewer);
		if (knownError.getState() == KnownErrorState.RETIRED) {
			throw Problems.conflict("Known error retired", knownError.getNumber() + " is retired");
		}
		if (knownError.getWorkaround() == null || knownError.getWorkaround().isBlank()) {
			throw new InvalidRequestException("workaround", "a known error is published with its workaround");
		}
		knownError.publish(ActivityLog.now());
		return knownError;
	}

	@Transactional
	public KnownError retire(String number, String solution, Viewer viewer) {
		if (!KnowledgeRoles.mayPublishKnownErrors(viewer)) {
			throw Problems.forbidden("Known errors are retired by problem managers");
		}
		KnownError knownError = lockedForChange(number, viewer);
		knownError.retire(solution, ActivityLog.now());
		return knownError;
	}

	/** Internals (root cause, drafts) are for agents and managers only; anyone else is told it does not exist. */
	@Transactional(readOnly = true)
	public KnownError read(String number, Viewer viewer) {
		if (!KnowledgeRoles.isInternalReader(viewer)) {
			throw notFound(number);
		}
		return knownErrors.findByNumber(normalize(number)).orElseThrow(() -> notFound(number));
	}

	@Transactional(readOnly = true)
	public List<KnownError> list(KnownErrorState state, Viewer viewer) {
		if (!KnowledgeRoles.isInternalReader(viewer)) {
			throw Problems.forbidden("The known-error database is for agents and problem managers");
		}
		return state == null ? knownErrors.findAllByOrderByNumberDesc() : knownErrors.findByStateOrderByNumberDesc(state);
	}

	@Override
	@Transactional
	public String recordForProblem(KnownErrorDraft draft) {
		String problem = normalize(draft.problemNumber());
		Instant now = ActivityLog.now();
		KnownError knownError = knownErrors.lockByProblemNumber(problem).orElse(null);
		Change change = new Change(problem, draft.title(), draft.symptom(), draft.workaround(), draft.rootCause(),
				draft.errorCode(), draft.service(),
				draft.configurationItem() == null ? List.of() : List.of(draft.configurationItem()), null);
		if (knownError == null) {
			knownError = knownErrors.save(new KnownError(knownErrors.nextNumber(), problem, draft.title(),
					draft.symptom(), "problem-management", now));
		}
		if (knownError.getState() == KnownErrorState.RETIRED) {
			// the problem came back after its fix: the known error is current again
			knownError.reopen(now);
		}
		apply(knownError, change);
		knownError.publish(now);
		return knownError.getNumber();
	}

	@Override
	@Transactional
	public void retireForProblem(String problemNumber, String solution) {
		knownErrors.lockByProblemNumber(normalize(problemNumber))
			.ifPresent(knownError -> knownError.retire(solution, ActivityLog.now()));
	}

	private KnownError lockedForChange(String number, Viewer viewer) {
		if (!KnowledgeRoles.mayDraft(viewer)) {
			throw Problems.forbidden("Only agents and problem managers change known errors");
		}
		KnownError knownError = knownErrors.findByNumber(normalize(number)).orElseThrow(() -> notFound(number));
		return knownError;
	}

	private static void apply(KnownError knownError, Change change) {
		if (change.problemNumber() != null) {
			knownError.setProblemNumber(normalize(change.problemNumber()));
		}
		if (change.title() != null) {
			knownError.setTitle(change.title());
		}
		if (change.symptom() != null) {
			knownError.setSymptom(change.symptom());
		}
		if (change.workaround() != null) {
			knownError.setWorkaround(blankToNull(change.workaround()));
		}
		if (change.rootCause() != null) {
			knownError.setRootCause(blankToNull(change.rootCause()));
		}
		if (change.errorCode() != null) {
			knownError.setErrorCode(blankToNull(change.errorCode()));
		}
		if (change.service() != null) {
			knownError.setService(blankToNull(change.service()));
		}
		if (change.configurationItems() != null) {
			knownError.setConfigurationItemList(change.configurationItems());
		}
		if (change.validTo() != null) {
			knownError.setValidTo(change.validTo());
		}
	}

	private void checkProblemNumber(List<FieldProblem> errors, String problemNumber) {
		if (problemNumber == null || problemNumber.isBlank()) {
			return;
		}
		String number = normalize(problemNumber);
		if (!PROBLEM_NUMBER.matcher(number).matches()) {
			errors.add(new FieldProblem("problemNumber", "a problem number like PRB-000001"));
		}
		else if (!problems.exists(number)) {
			errors.add(new FieldProblem("problemNumber", "no problem " + number + ": raise the problem first"));
		}
	}

	private static void requireText(List<FieldProblem> errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldProblem(field, "must not be blank"));
		}
	}

	private static void blankGiven(List<FieldProblem> errors, String field, String value) {
		if (value != null && value.isBlank()) {
			errors.add(new FieldProblem(field, "must not be blank"));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	static String normalize(String number) {
		return number == null ? null : number.trim().toUpperCase(Locale.ROOT);
	}

	private static RuntimeException notFound(String number) {
		return Problems.notFound("No such known error", "No known error " + number);
	}
}
