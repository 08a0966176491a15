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
		public static final String PRIORITY = "priority";
		public static final String RESPONSE_DUE = "responseDue";
		public static final String RESOLUTION_DUE = "resolutionDue";
		public static final String CANCEL_REASON = "cancelReason";
		public static final String CANCELED_BY = "canceledBy";
		public static final String RESOLUTION_ACCEPTED = "resolutionAccepted";
		public static final String REJECTION_REASON = "rejectionReason";
		public static final String RESOLUTION_CODE = "resolutionCode";
		public static final String RESOLUTION_NOTES = "resolutionNotes";

		private Vars() {
		}
	}

	private IncidentProcess() {
	}

}
