package org.incidentflow.major;

/**
 * The contract between Java and the models {@code processes/major-incident.bpmn} and
 * {@code processes/major-incident-cadence.dmn}: keys, messages, user tasks and variables (= Camunda Form field keys).
 */
public final class MajorIncidentProcess {

	public static final String KEY = "major-incident";
	public static final String CADENCE_DECISION = "major-incident-cadence";
	public static final String INCIDENT_MANAGERS = "incident-managers";

	public static final class Tasks {
		public static final String ASSIGN_ROLES = "AssignRoles";
		public static final String PUBLISH_STATUS_UPDATE = "PublishStatusUpdate";
		public static final String RESOLVE = "ResolveMajorIncident";
		public static final String POST_INCIDENT_REVIEW = "PostIncidentReview";
		public static final String CHASE_STATUS_UPDATE = "ChaseStatusUpdate";
		public static final String FOLLOW_UP_ACTION = "WorkFollowUpAction";

		private Tasks() {
		}
	}

	public static final class Vars {
		public static final String INCIDENT_NUMBER = "incidentNumber";
		public static final String TITLE = "title";
		public static final String SERVICE = "service";
		public static final String PRIORITY = "priority";
		public static final String DECLARE_REASON = "declareReason";
		public static final String INCIDENT_COMMANDER = "incidentCommander";
		public static final String COMMUNICATIONS_LEAD = "communicationsLead";
		public static final String TECHNICAL_LEAD = "technicalLead";
		/** ISO-8601 duration from the cadence decision, e.g. PT30M. */
		public static final String UPDATE_INTERVAL = "updateInterval";
		public static final String STATUS_UPDATE = "statusUpdate";
		/** Groups told of every status update besides the callers (comma-separated), e.g. the service's owner group. */
		public static final String STAKEHOLDER_GROUPS = "stakeholderGroups";
		public static final String RESOLUTION_CODE = "resolutionCode";
		public static final String RESOLUTION_NOTES = "resolutionNotes";
		public static final String REVIEW_TIMELINE = "reviewTimeline";
		public static final String REVIEW_IMPACT = "reviewImpact";
		public static final String CAUSE = "cause";
		public static final String WENT_WELL = "wentWell";
		public static final String WENT_BADLY = "wentBadly";
		/** The review's follow-up actions: a JSON array of {description, type, ownerGroup, dueDate}. */
		public static final String FOLLOW_UPS = "followUps";
		/** Ids of the follow-up records of type action, one "Work follow-up action" task each. */
		public static final String ACTION_IDS = "followUpActionIds";
		public static final String ACTION_ID = "followUpActionId";

		private Vars() {
		}
	}

	private MajorIncidentProcess() {
	}

}
