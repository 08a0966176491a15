package org.incidentflow.incident;

/**
 * The contract between Java and the model {@code processes/incident-management.bpmn}: its key, the messages it
 * accepts, its user tasks and the process variables both sides use. Changing a name here means changing the model.
 */
public final class IncidentProcess {

	public static final String KEY = "incident-management";

	/** Messages the process correlates by business key (= incident number). */
	public static final class Messages {
		/** The caller or an agent cancels the incident before closure; carries {@link Vars#CANCEL_REASON}. */
		public static final String CANCELLATION_REQUESTED = "IncidentCancellationRequested";
		/** The caller added information; resumes an incident on hold awaiting the caller. */
		public static final String CALLER_UPDATED = "CallerUpdated";
		/**
		 * Monitoring reports that every alert of the incident has resolved; resolves it with
		 * {@link Vars#RESOLUTION_CODE} and {@link Vars#RESOLUTION_NOTES} if it is still being worked.
		 */
		public static final String ALERTS_RESOLVED = "AlertsResolved";

		private Messages() {
		}
	}

	/** Task definition keys of the user tasks. */
	public static final class Tasks {
		public static final String TRIAGE = "Triage";
		public static final String INVESTIGATE = "Investigate";
		public static final String ON_HOLD = "OnHold";
		public static final String CONFIRM_RESOLUTION = "ConfirmResolution";
		public static final String CLOSURE_REVIEW = "ClosureReview";

		private Tasks() {
		}
	}

	/** Process variable names (= Camunda Form field keys). Codes are lower case, as in the DMN tables. */
	public static final class Vars {
		public static final String INCIDENT_NUMBER = "incidentNumber";
		public static final String TITLE = "title";
		public static final String DESCRIPTION = "description";
		public static final String CALLER = "caller";
		public static final String CHANNEL = "channel";
		public static final String SERVICE = "service";
		public static final String CONFIGURATION_ITEM = "configurationItem";
		public static final String INCIDENT_TYPE = "incidentType";
		public static final String IMPACT = "impact";
		public static final String URGENCY = "urgency";
		public static final String CATEGORY = "category";
		public static final String ASSIGNMENT_GROUP = "assignmentGroup";
		/** From the DMN incident-categorization: the candidate group of the Triage task. */
		public static final String TRIAGE_GROUP = "triageGroup";
		public static final String PRIORITY = "priority";
		public static final String RESPONSE_DUE = "responseDue";
		public static final String RESOLUTION_DUE = "resolutionDue";
		public static final String CANCEL_REASON = "cancelReason";
		public static final String CANCELED_BY = "canceledBy";
		public static final String RESOLUTION_ACCEPTED = "resolutionAccepted";
		public static final String REJECTION_REASON = "rejectionReason";
		public static final String RESOLUTION_CODE = "resolutionCode";
		public static final String RESOLUTION_NOTES = "resolutionNotes";
		/** Instants (java.util.Date) the SLA warnings are due; the boundary timers fire at them. */
		public static final String RESPONSE_WARNING_AT = "responseWarningAt";
		public static final String RESOLUTION_WARNING_AT = "resolutionWarningAt";
		/** Triage: incident | service_request | not_an_incident | duplicate. */
		public static final String CLASSIFICATION = "classification";
		/** Triage, classification duplicate: number of the original incident. */
		public static final String DUPLICATE_OF = "duplicateOf";
		/** Investigate: resolved | escalate | on_hold | reclassify. */
		public static final String INVESTIGATION_OUTCOME = "investigationOutcome";
		/** Investigate, escalate: target group (optional: the DMN functional-escalation picks the next level). */
		public static final String ESCALATE_TO = "escalateTo";
		/** Investigate, escalate: what was tried and what is known, for the next group (required). */
		public static final String HANDOVER_NOTE = "handoverNote";
		/**
		 * Set by the SLA warning and breach steps ("Resolution breached"): shown in the task list (Tasklist filter
		 * {@code variables}) so that a warning or breach is seen at a glance; derived, not part of the record.
		 */
		public static final String SLA_STATUS = "slaStatus";
		/** The user who started the instance through the engine (Tasklist start form); null for API and intake. */
		public static final String REPORTED_BY = "reportedBy";
		/** Any task form: an optional comment written from the task; moved to the record on completion. */
		public static final String TASK_COMMENT = "taskComment";
		/** Any task form: {@code public} (the caller sees it) or {@code internal} (a work note for agents). */
		public static final String TASK_COMMENT_VISIBILITY = "taskCommentVisibility";
		public static final String WORKAROUND = "workaround";
		/** Investigate, on_hold: awaiting_caller | awaiting_change | awaiting_problem | awaiting_vendor. */
		public static final String ON_HOLD_REASON = "onHoldReason";
		/** Investigate, on_hold: public comment to the caller; required when awaiting the caller. */
		public static final String ON_HOLD_COMMENT = "onHoldComment";
		/** From the DMN closure-review. */
		public static final String REVIEW_REQUIRED = "reviewRequired";
		public static final String CAUSE = "cause";
		public static final String STEPS_TAKEN = "stepsTaken";
		public static final String PREVENTIVE_MEASURES = "preventiveMeasures";
		public static final String PROBLEM_REQUIRED = "problemRequired";

		/**
		 * Variables that mirror a field of the incident record (or are derived from it by the decisions): the record
		 * is what the API, the portal, the reports and the audit trail read, so these change only through the process
		 * steps that also change the record, never by editing the variable (engine.MirroredVariableGuard).
		 */
		public static final java.util.Set<String> RECORD_FIELDS = java.util.Set.of(INCIDENT_NUMBER, TITLE, DESCRIPTION,
				CALLER, CHANNEL, SERVICE, CONFIGURATION_ITEM, INCIDENT_TYPE, IMPACT, URGENCY, CATEGORY, ASSIGNMENT_GROUP,
				TRIAGE_GROUP, PRIORITY, RESPONSE_DUE, RESOLUTION_DUE);

		private Vars() {
		}
	}

	private IncidentProcess() {
	}

}
