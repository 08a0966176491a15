package org.incidentflow.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.incidentflow.incident.Incident;
import org.incidentflow.process.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * The form field {@code appliedKnowledge} of Triage and Investigate (resolved), applied by the visible service tasks
 * that record those steps (Record triage, Record resolution) in their transaction: the incident records it and gets
 * the activity {@code KNOWLEDGE_APPLIED}, exactly as through the API. An id that is no published known error or
 * article refuses the completion with a message Tasklist shows.
 */
@Component
public class KnowledgeFromForm {

	public static final String APPLIED_KNOWLEDGE = "appliedKnowledge";

	private final AppliedKnowledge knowledge;

	public KnowledgeFromForm(AppliedKnowledge knowledge) {
		this.knowledge = knowledge;
	}

	public void apply(DelegateExecution execution, Incident incident) {
		Object value = execution.getVariable(APPLIED_KNOWLEDGE);
		if (!(value instanceof String id) || id.isBlank()) {
			return;
		}
		try {
			knowledge.apply(incident, id);
		}
		catch (org.incidentflow.web.InvalidRequestException e) {
			throw new InvalidSubmissionException(APPLIED_KNOWLEDGE,
					"Applied knowledge: " + id + " is no published known error or article.");
		}
		// the choice belongs to this step; a later step starts without it
		execution.removeVariable(APPLIED_KNOWLEDGE);
	}
}
