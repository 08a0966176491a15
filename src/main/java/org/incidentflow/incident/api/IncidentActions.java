package org.incidentflow.incident.api;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Comment;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.Viewer;
import org.incidentflow.process.InvalidSubmissionException;
import org.incidentflow.web.EnumCodeValidator;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API's users do to incidents. Each action is one transaction and goes through the process (start it,
 * complete its tasks, correlate its messages); the process keeps the record in step within the same transaction.
 * Nothing here writes the record around the process.
 */
@Service
public class IncidentActions {

	static final String SOURCE = "api";

	/** Process variables whose API field has another name (the others are spelled alike). */
	static final Map<String, String> API_FIELDS = Map.of(
			IncidentProcess.Vars.INCIDENT_TYPE, "type",
			IncidentProcess.Vars.RESOLUTION_ACCEPTED, "accepted",
			IncidentProcess.Vars.REJECTION_REASON, "reason",
			IncidentProcess.Vars.CANCEL_REASON, "reason");

	private final IncidentReporting reporting;
	private final IncidentComments comments;
	private final IncidentSearch search;
	private final TaskService taskService;
	private final RuntimeService runtimeService;

	public IncidentActions(IncidentReporting reporting, IncidentComments comments, IncidentSearch search,
			TaskService taskService, RuntimeService runtimeService) {
		this.reporting = reporting;
		this.comments = comments;
		this.search = search;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
	}

	/** Logs the incident and starts its process; returns the new incident's number. */
	@Transactional
	public String report(ReportIncidentRequest request, Viewer viewer) {
		IncidentSearch.requireAccess(viewer);
		String caller = blankToNull(request.caller()) == null ? viewer.userId() : request.caller().trim();
		if (!IncidentAccess.mayReportFor(viewer, caller)) {
			throw Problems.forbidden("Integrations report incidents only in their own name.");
		}
		Channel channel = request.channel() == null ? Channel.PORTAL
				: EnumCodeValidator.parse(Channel.class, "channel", request.channel());
		NewIncident incident = new NewIncident(request.title().trim(), blankToNull(request.description()), caller,
				channel, blankToNull(request.service()), blankToNull(request.configurationItem()),
				EnumCodeValidator.parse(IncidentType.class, "type", request.type()),
				EnumCodeValidator.parse(Level.class, "impact", request.impact()),
				EnumCodeValidator.parse(Level.class, "urgency", request.urgency()))
			.reportedBy(viewer.userId());
		return throughProcess(() -> reporting.report(incident).getNumber());
	}

	/** Adds a comment; a caller's comment on an incident on hold awaiting the caller resumes it (through the process). */
	@Transactional
	public void comment(String number, CommentRequest request, Viewer viewer) {
		Incident incident = search.visible(number, viewer);
		Comment.Visibility visibility = request.visibility() == null ? Comment.Visibility.PUBLIC
				: EnumCodeValidator.parse(Comment.Visibility.class, "visibility", request.visibility());
		if (visibility == Comment.Visibility.INTERNAL && !IncidentAccess.maySeeInternals(viewer)) {
			throw Problems.forbidden("Only agents can add internal work notes.");
		}
		try {
			throughProcess(() -> comments.add(incident, viewer.userId(), visibility, request.body(), SOURCE));
		}
		catch (MismatchingMessageCorrelationException ex) {
			// the record says on hold awaiting the caller, but the process does not wait for the caller (any more)
			throw Problems.conflict("Not awaiting the caller", "Incident " + incident.getNumber()
					+ " is not waiting for an update from the caller.");
		}
	}

	/** The caller accepts or rejects the resolution: completes the process's confirmation task. */
	@Transactional
	public void confirmResolution(String number, ConfirmationRequest request, Viewer viewer) {
		Incident incident = search.visible(number, viewer);
		if (!IncidentAccess.mayConfirmResolution(viewer, incident)) {
			throw Problems.forbidden("Only the caller or an incident manager can confirm the resolution.");
		}
		if (request.accepted() && incident.getParent() != null
				&& incident.getParent().getState() != org.incidentflow.incident.State.RESOLVED
				&& incident.getParent().isOpen()) {
			// closing a child is the parent's resolution's business (org.incidentflow.major)
			throw linkedToParent(incident, "closed");
		}
		if (!request.accepted() && blankToNull(request.reason()) == null) {
			throw new InvalidRequestException("reason", "is required when the resolution is rejected");
		}
		Task confirmation = taskService.createTaskQuery()
			.processInstanceBusinessKey(incident.getNumber())
			.taskDefinitionKey(IncidentProcess.Tasks.CONFIRM_RESOLUTION)
			.active()
			.list().stream().findFirst()
			.orElseThrow(() -> Problems.conflict("Not awaiting confirmation",
					"Incident " + incident.getNumber() + " is not waiting for the caller to confirm a resolution."));
		Map<String, Object> variables = new HashMap<>();
		variables.put(IncidentProcess.Vars.RESOLUTION_ACCEPTED, request.accepted());
		variables.put(IncidentProcess.Vars.REJECTION_REASON, request.accepted() ? null : request.reason().trim());
		throughProcess(() -> {
			taskService.complete(confirmation.getId(), variables);
			return null;
		});
	}

	/** The process waits for the caller to accept or reject a resolution (its confirmation task is active). */
	@Transactional(readOnly = true)
	public boolean awaitsConfirmation(String number) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(IncidentProcess.Tasks.CONFIRM_RESOLUTION)
			.active()
			.count() > 0;
	}

	/** Cancels an open incident: the process receives the cancellation request and ends the incident's work. */
	@Transactional
	public void cancel(String number, CancellationRequest request, Viewer viewer) {
		Incident incident = search.visible(number, viewer);
		if (!incident.isOpen()) {
			throw notCancelable(incident);
		}
		if (incident.getParent() != null) {
			throw linkedToParent(incident, "canceled");
		}
		try {
			throughProcess(() -> runtimeService.createMessageCorrelation(IncidentProcess.Messages.CANCELLATION_REQUESTED)
				.processInstanceBusinessKey(incident.getNumber())
				.setVariable(IncidentProcess.Vars.CANCEL_REASON, request.reason().trim())
				.setVariable(IncidentProcess.Vars.CANCELED_BY, viewer.userId())
				.correlateWithResult());
		}
		catch (MismatchingMessageCorrelationException ex) {
			// the process does not accept a cancellation in its current step (e.g. already resolved)
			throw notCancelable(incident);
		}
	}

	/**
	 * Runs a step of the process; a submission the process refuses (its listeners validate again, and may know more
	 * than this API) is the client's fault: 400 naming the API field, never a 500.
	 */
	private static <T> T throughProcess(java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw ex;
		}
		catch (ProcessEngineException ex) {
			InvalidSubmissionException refusal = InvalidSubmissionException.in(ex).orElseThrow(() -> ex);
			String variable = refusal.variable();
			throw new InvalidRequestException(variable == null ? null : API_FIELDS.getOrDefault(variable, variable),
					refusal.getMessage());
		}
	}

	private static RuntimeException linkedToParent(Incident incident, String what) {
		return Problems.conflict("Linked to a major incident", "Incident " + incident.getNumber() + " is linked to "
				+ incident.getParent().getNumber() + " and cannot be " + what + " separately; unlink it first.");
	}

	private static RuntimeException notCancelable(Incident incident) {
		return Problems.conflict("Cannot be canceled", "Incident " + incident.getNumber() + " is "
				+ incident.getState().code() + " and can no longer be canceled.");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
