package org.incidentflow.problem;

/**
 * The contract between Java and the models {@code processes/problem-management.bpmn} and
 * {@code processes/problem-proposal.bpmn}: keys, messages, user tasks and variables (= Camunda Form field keys).
 */
public final class ProblemProcess {

	public static final String KEY = "problem-management";
	public static final String PROPOSAL_KEY = "problem-proposal";
	public static final String DETECTION_DECISION = "problem-detection";
	/** The group that manages problems; tasks go to it and to the problem's owner group. */
	public static final String PROBLEM_MANAGERS = "problem-managers";

	/** Sent to each incident on hold awaiting a problem when that problem is resolved (business key = incident number). */
	public static final String PROBLEM_RESOLVED_MESSAGE = "ProblemResolved";

	public static final class Tasks {
		public static final String INVESTIGATE_ROOT_CAUSE = "InvestigateRootCause";
		public static final String FIX_THROUGH_CHANGE = "FixThroughChange";
		public static final String REVIEW_PROBLEM = "ReviewProblem";
		public static final String REVIEW_PROPOSAL = "ReviewProposal";

		private Tasks() {
		}
	}

	public static final class Vars {
		public static final String PROBLEM_NUMBER = "problemNumber";
		public static final String TITLE = "title";
		public static final String DESCRIPTION = "description";
		public static final String SERVICE = "service";
		public static final String CONFIGURATION_ITEM = "configurationItem";
		public static final String OWNER_GROUP = "ownerGroup";
		public static final String ROOT_CAUSE = "rootCause";
		public static final String WORKAROUND = "workaround";
		public static final String ERROR_CODE = "errorCode";
		public static final String CHANGE_REFERENCE = "changeReference";
		public static final String RESOLUTION = "resolution";
		public static final String FIX_CONFIRMED = "fixConfirmed";
		public static final String REVIEW_NOTES = "reviewNotes";
		/** Proposal process: id of the problem_proposal row. */
		public static final String PROPOSAL_ID = "proposalId";
		public static final String RULE = "rule";
		public static final String INCIDENT_LIST = "incidentList";
		public static final String PROPOSAL_ACCEPTED = "proposalAccepted";
		public static final String DISMISS_REASON = "dismissReason";

		private Vars() {
		}
	}

	private ProblemProcess() {
	}

}
