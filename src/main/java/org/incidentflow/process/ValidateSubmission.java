package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.OnHoldReason;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every user task: the server-side check of the form (Camunda Forms only validate in the
 * browser, and the engine REST API accepts anything). A failed check rolls the completion back with a message
 * Tasklist shows.
 */
@Component("validateSubmission")
public class ValidateSubmission implements TaskListener {

	static final List<String> CLASSIFICATIONS = List.of("incident", "service_request", "not_an_incident", "duplicate");
	static final List<String> OUTCOMES = List.of("resolved", "escalate", "on_hold", "reclassify");

	private final ProcessRecords records;
	private final ProcessSettings settings;
	private final IdentityService identityService;
	private final FormOptions formOptions;

	public ValidateSubmission(ProcessRecords records, ProcessSettings settings, IdentityService identityService,
			FormOptions formOptions) {
		this.records = records;
		this.settings = settings;
		this.identityService = identityService;
		this.formOptions = formOptions;
	}

	@Override
	public void notify(DelegateTask task) {
		Submission form = new Submission(task);
		switch (task.getTaskDefinitionKey()) {
			case Tasks.TRIAGE -> triage(task, form);
			case Tasks.INVESTIGATE -> investigation(task, form);
			case Tasks.CONFIRM_RESOLUTION -> {
				if (!form.flag(Vars.RESOLUTION_ACCEPTED, "Service restored")) {
					form.text(Vars.REJECTION_REASON, "Why the service is not restored", 1000);
				}
			}
			case Tasks.CLOSURE_REVIEW -> {
				form.text(Vars.CAUSE, "Cause", Incident.TEXT_MAX);
				form.text(Vars.STEPS_TAKEN, "Steps taken", Incident.TEXT_MAX);
				form.text(Vars.PREVENTIVE_MEASURES, "Preventive measures", Incident.TEXT_MAX);
				if (task.getVariable(Vars.PROBLEM_REQUIRED) == null) {
					task.setVariable(Vars.PROBLEM_REQUIRED, false);
				}
				form.flag(Vars.PROBLEM_REQUIRED, "Problem record required");
			}
			default -> {
				// Resume work: nothing to enter
			}
		}
	}

	private void triage(DelegateTask task, Submission form) {
		facts(form);
		form.optionalText(Vars.CONFIGURATION_ITEM, "Configuration item", 200);
		String classification = form.oneOf(Vars.CLASSIFICATION, "Classification", CLASSIFICATIONS.toArray(String[]::new));
		if ("not_an_incident".equals(classification)) {
			form.text(Vars.CANCEL_REASON, "Reason", 1000);
		}
		if ("duplicate".equals(classification)) {
			String original = form.text(Vars.DUPLICATE_OF, "Duplicate of", 20).toUpperCase(Locale.ROOT);
			if (original.equals(task.getExecution().getProcessBusinessKey())) {
				throw new InvalidSubmissionException("An incident cannot be a duplicate of itself.");
			}
			if (records.find(original).isEmpty()) {
				throw new InvalidSubmissionException("Duplicate of: incident " + original + " does not exist.");
			}
			task.setVariable(Vars.DUPLICATE_OF, original);
		}
	}

	private void investigation(DelegateTask task, Submission form) {
		String outcome = form.oneOf(Vars.INVESTIGATION_OUTCOME, "Outcome", OUTCOMES.toArray(String[]::new));
		switch (outcome) {
			case "resolved" -> {
				// the codes are the options of the deployed form (forms/investigate.form), nowhere else
				form.oneOf(Vars.RESOLUTION_CODE, "Resolution code",
						formOptions.of(task, Vars.RESOLUTION_CODE).toArray(String[]::new));
				form.text(Vars.RESOLUTION_NOTES, "Resolution notes", Incident.TEXT_MAX);
				form.optionalText(Vars.WORKAROUND, "Workaround", Incident.TEXT_MAX);
			}
			case "escalate" -> {
				String target = form.optionalText(Vars.ESCALATE_TO, "Escalate to", 64);
				if (target != null && !knownGroup(target)) {
					throw new InvalidSubmissionException("Escalate to: '" + target + "' is not a support group; known: "
							+ String.join(", ", settings.getSupportGroups()) + ".");
				}
				if (target != null && target.equals(task.getVariable(Vars.ASSIGNMENT_GROUP))) {
					throw new InvalidSubmissionException("Escalate to: the incident is already with " + target + ".");
				}
				// the next group starts from what this one learnt, not from scratch
				form.text(Vars.HANDOVER_NOTE, "Handover note", EscalateToGroup.HANDOVER_MAX);
			}
			case "on_hold" -> {
				String reason = form.code(Vars.ON_HOLD_REASON, "On hold reason", OnHoldReason.values());
				if (OnHoldReason.AWAITING_CALLER.code().equals(reason)) {
					form.text(Vars.ON_HOLD_COMMENT, "Comment to the caller", Incident.TEXT_MAX);
				}
			}
			default -> facts(form);
		}
	}

	private static void facts(Submission form) {
		form.code(Vars.INCIDENT_TYPE, "Incident type", IncidentType.values());
		form.text(Vars.SERVICE, "Service", Incident.NAME_MAX);
		form.code(Vars.IMPACT, "Impact", Level.values());
		form.code(Vars.URGENCY, "Urgency", Level.values());
	}

	private boolean knownGroup(String groupId) {
		return settings.getSupportGroups().contains(groupId) || Context.getCommandContext()
			.runWithoutAuthorization(() -> identityService.createGroupQuery().groupId(groupId).count() > 0);
	}

}
