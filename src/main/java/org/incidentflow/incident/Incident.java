package org.incidentflow.incident;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The system of record of one incident. The process ({@code incident-management}, business key = {@link #number})
 * drives it; integrations, the portal and reports read it without touching engine tables.
 * Limits of the text fields are the column lengths below and are documented in the README.
 */
@Entity
@Table(name = "incident")
public class Incident {

	public static final int TITLE_MAX = 200;
	public static final int TEXT_MAX = 10_000;
	public static final int NAME_MAX = 100;
	public static final int CSAT_COMMENT_MAX = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
	@SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 1)
	private Long id;

	/** {@code INC-000042}: from the sequence, unique, never reused (sequences do not roll back). */
	@Column(nullable = false, unique = true, updatable = false, length = 20)
	private String number;

	@Version
	private long version;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private RecordKind kind = RecordKind.INCIDENT;

	@Column(nullable = false, length = TITLE_MAX)
	private String title;

	@Column(length = TEXT_MAX)
	private String description;

	/** User id of the person affected (the requester), or the technical user of an integration. */
	@Column(nullable = false, length = NAME_MAX)
	private String caller;

	/**
	 * Who reported it, when that is not the caller: a colleague through the portal or the API, an agent on the phone.
	 * Null for incidents reported before it was recorded. A requester who reported an incident follows it like its
	 * caller ({@link IncidentAccess}).
	 */
	@Column(name = "reported_by", length = NAME_MAX, updatable = false)
	private String reportedBy;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private IncidentType type;

	@Column(length = NAME_MAX)
	private String category;

	@Column(length = NAME_MAX)
	private String service;

	@Column(name = "configuration_item", length = 200)
	private String configurationItem;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Level impact;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Level urgency;

	/** 1 (critical) to 5 (planning), from the DMN decision {@code incident-priority}. */
	private Integer priority;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private State state = State.NEW;

	@Enumerated(EnumType.STRING)
	@Column(name = "on_hold_reason", length = 30)
	private OnHoldReason onHoldReason;

	@Column(name = "assignment_group", length = 64)
	private String assignmentGroup;

	@Column(length = 64)
	private String assignee;

	/** Groups the incident passed through by functional escalation, oldest first, comma-separated. */
	@Column(name = "escalation_chain", length = 1000)
	private String escalationChain;

	@Column(name = "reported_at", nullable = false)
	private Instant reportedAt;

	@Column(name = "first_response_at")
	private Instant firstResponseAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "response_due_at")
	private Instant responseDueAt;

	@Column(name = "resolution_due_at")
	private Instant resolutionDueAt;

	/** Set while on hold: the SLA clock is stopped since then. */
	@Column(name = "paused_since")
	private Instant pausedSince;

	/** Total time spent on hold, excluded from the SLA. */
	@Column(name = "paused_millis", nullable = false)
	private long pausedMillis;

	@Column(name = "response_breached", nullable = false)
	private boolean responseBreached;

	@Column(name = "resolution_breached", nullable = false)
	private boolean resolutionBreached;

	@Column(name = "resolution_code", length = 40)
	private String resolutionCode;

	@Column(name = "resolution_notes", length = TEXT_MAX)
	private String resolutionNotes;

	@Column(name = "workaround", length = TEXT_MAX)
	private String workaround;

	@Column(name = "cause", length = TEXT_MAX)
	private String cause;

	@Column(name = "steps_taken", length = TEXT_MAX)
	private String stepsTaken;

	@Column(name = "preventive_measures", length = TEXT_MAX)
	private String preventiveMeasures;

	@Column(name = "problem_required")
	private Boolean problemRequired;

	/** The problem behind this incident ({@code PRB-000001}, org.incidentflow.problem); many incidents to one problem. */
	@Column(name = "problem_number", length = 20)
	private String problemNumber;
	/** The known error or article an agent applied (org.incidentflow.knowledge.AppliedKnowledge). */
	@Column(name = "applied_knowledge", length = 20)
	private String appliedKnowledge;

	@Column(name = "cancel_reason", length = 1000)
	private String cancelReason;

	@Column(name = "reopen_count", nullable = false)
	private int reopenCount;

	/**
	 * A major incident (org.incidentflow.major): the parent other incidents of the same outage link to
	 * ({@link #parent}). Set once, when declared.
	 */
	@Column(name = "major", nullable = false)
	private boolean major;

	/** The major incident this one is a child of (org.incidentflow.major); null when not linked. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Incident parent;

	/** Set when triage classified this record as a duplicate of another incident. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "duplicate_of_id")
	private Incident duplicateOf;

	/** An earlier, already closed incident this one follows up (for example an email reply to a closed incident). */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "follow_up_of_id")
	private Incident followUpOf;

	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** The caller's satisfaction rating 1 (very dissatisfied) to 5 (very satisfied); null until rated (once). */
	@Column(name = "csat_score")
	private Integer csatScore;

	@Column(name = "csat_comment", length = CSAT_COMMENT_MAX)
	private String csatComment;

	@Column(name = "csat_at")
	private Instant csatAt;

	protected Incident() {
	}

	public Incident(String title, String caller, Channel channel, IncidentType type, Level impact, Level urgency,
			Instant reportedAt) {
		this.title = title;
		this.caller = caller;
		this.channel = channel;
		this.type = type;
		this.impact = impact;
		this.urgency = urgency;
		this.reportedAt = reportedAt;
		this.updatedAt = reportedAt;
	}

	public static String formatNumber(long sequenceValue) {
		return String.format("INC-%06d", sequenceValue);
	}

	/** Time on hold so far, including a pause still running at {@code now}. */
	public Duration pausedTime(Instant now) {
		Duration paused = Duration.ofMillis(pausedMillis);
		return pausedSince == null ? paused : paused.plus(Duration.between(pausedSince, now));
	}

	public boolean isOpen() {
		return state != State.CLOSED && state != State.CANCELED;
	}

	/** The satisfaction survey can be answered: the incident is resolved or closed and not rated yet. */
	public boolean awaitsSatisfactionRating() {
		return csatScore == null && (state == State.RESOLVED || state == State.CLOSED);
	}

	/**
	 * Records the caller's satisfaction rating. Once only, and only for a resolved or closed incident: a second
	 * rating would overwrite the first answer, which surveys never do.
	 */
	public void rateSatisfaction(int score, String comment, Instant at) {
		if (score < 1 || score > 5) {
			throw new IllegalArgumentException("score must be between 1 and 5");
		}
		if (csatScore != null) {
			throw new IllegalStateException(number + " is already rated");
		}
		if (state != State.RESOLVED && state != State.CLOSED) {
			throw new IllegalStateException(number + " is " + state.code() + ", not resolved or closed");
		}
		if (comment != null && comment.length() > CSAT_COMMENT_MAX) {
			throw new IllegalArgumentException("comment is longer than " + CSAT_COMMENT_MAX);
		}
		this.csatScore = score;
		this.csatComment = comment == null || comment.isBlank() ? null : comment.trim();
		this.csatAt = at;
	}

	// accessors

	public Long getId() { return id; }
	public String getNumber() { return number; }
	public void setNumber(String number) { this.number = number; }
	public long getVersion() { return version; }
	public RecordKind getKind() { return kind; }
	public void setKind(RecordKind kind) { this.kind = kind; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getDescription() { return description; }
	public void setDescription(String description) { this.description = description; }
	public String getCaller() { return caller; }

	public String getReportedBy() { return reportedBy; }

	/** Set once, when the incident is logged: who reported it does not change afterwards. */
	void reportedBy(String userId) {
		if (reportedBy != null) {
			throw new IllegalStateException("Incident " + number + " already has its reporter");
		}
		reportedBy = userId;
	}
	public void setCaller(String caller) { this.caller = caller; }
	public Channel getChannel() { return channel; }
	public void setChannel(Channel channel) { this.channel = channel; }
	public IncidentType getType() { return type; }
	public void setType(IncidentType type) { this.type = type; }
	public String getCategory() { return category; }
	public void setCategory(String category) { this.category = category; }
	public String getService() { return service; }
	public void setService(String service) { this.service = service; }
	public String getConfigurationItem() { return configurationItem; }
	public void setConfigurationItem(String configurationItem) { this.configurationItem = configurationItem; }
	public Level getImpact() { return impact; }
	public void setImpact(Level impact) { this.impact = impact; }
	public Level getUrgency() { return urgency; }
	public void setUrgency(Level urgency) { this.urgency = urgency; }
	public Integer getPriority() { return priority; }
	public void setPriority(Integer priority) { this.priority = priority; }
	public State getState() { return state; }
	public void setState(State state) { this.state = state; }
	public String getProblemNumber() { return problemNumber; }
	public void setProblemNumber(String problemNumber) { this.problemNumber = problemNumber; }
	public OnHoldReason getOnHoldReason() { return onHoldReason; }
	public void setOnHoldReason(OnHoldReason onHoldReason) { this.onHoldReason = onHoldReason; }
	public String getAssignmentGroup() { return assignmentGroup; }
	public void setAssignmentGroup(String assignmentGroup) { this.assignmentGroup = assignmentGroup; }
	public String getAssignee() { return assignee; }
	public void setAssignee(String assignee) { this.assignee = assignee; }
	public String getEscalationChain() { return escalationChain; }
	public void setEscalationChain(String escalationChain) { this.escalationChain = escalationChain; }
	public Instant getReportedAt() { return reportedAt; }
	public void setReportedAt(Instant reportedAt) { this.reportedAt = reportedAt; }
	public Instant getFirstResponseAt() { return firstResponseAt; }
	public void setFirstResponseAt(Instant firstResponseAt) { this.firstResponseAt = firstResponseAt; }
	public Instant getResolvedAt() { return resolvedAt; }
	public void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
	public Instant getClosedAt() { return closedAt; }
	public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
	public Instant getResponseDueAt() { return responseDueAt; }
	public void setResponseDueAt(Instant responseDueAt) { this.responseDueAt = responseDueAt; }
	public Instant getResolutionDueAt() { return resolutionDueAt; }
	public void setResolutionDueAt(Instant resolutionDueAt) { this.resolutionDueAt = resolutionDueAt; }
	public Instant getPausedSince() { return pausedSince; }
	public void setPausedSince(Instant pausedSince) { this.pausedSince = pausedSince; }
	public long getPausedMillis() { return pausedMillis; }
	public void setPausedMillis(long pausedMillis) { this.pausedMillis = pausedMillis; }
	public boolean isResponseBreached() { return responseBreached; }
	public void setResponseBreached(boolean responseBreached) { this.responseBreached = responseBreached; }
	public boolean isResolutionBreached() { return resolutionBreached; }
	public void setResolutionBreached(boolean resolutionBreached) { this.resolutionBreached = resolutionBreached; }
	public String getResolutionCode() { return resolutionCode; }
	public void setResolutionCode(String resolutionCode) { this.resolutionCode = resolutionCode; }
	public String getResolutionNotes() { return resolutionNotes; }
	public void setResolutionNotes(String resolutionNotes) { this.resolutionNotes = resolutionNotes; }
	public String getWorkaround() { return workaround; }
	public void setWorkaround(String workaround) { this.workaround = workaround; }
	public String getCause() { return cause; }
	public void setCause(String cause) { this.cause = cause; }
	public String getStepsTaken() { return stepsTaken; }
	public void setStepsTaken(String stepsTaken) { this.stepsTaken = stepsTaken; }
	public String getPreventiveMeasures() { return preventiveMeasures; }
	public void setPreventiveMeasures(String preventiveMeasures) { this.preventiveMeasures = preventiveMeasures; }
	public Boolean getProblemRequired() { return problemRequired; }
	public void setProblemRequired(Boolean problemRequired) { this.problemRequired = problemRequired; }
	public String getAppliedKnowledge() { return appliedKnowledge; }
	public void setAppliedKnowledge(String appliedKnowledge) { this.appliedKnowledge = appliedKnowledge; }
	public String getCancelReason() { return cancelReason; }
	public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
	public int getReopenCount() { return reopenCount; }
	public void setReopenCount(int reopenCount) { this.reopenCount = reopenCount; }
	public boolean isMajor() { return major; }
	public void setMajor(boolean major) { this.major = major; }
	public Incident getParent() { return parent; }
	public void setParent(Incident parent) { this.parent = parent; }
	public Incident getDuplicateOf() { return duplicateOf; }
	public void setDuplicateOf(Incident duplicateOf) { this.duplicateOf = duplicateOf; }
	public Incident getFollowUpOf() { return followUpOf; }
	public void setFollowUpOf(Incident followUpOf) { this.followUpOf = followUpOf; }
	public String getProcessInstanceId() { return processInstanceId; }
	public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
	public Instant getUpdatedAt() { return updatedAt; }
	public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
	public Integer getCsatScore() { return csatScore; }
	public String getCsatComment() { return csatComment; }
	public Instant getCsatAt() { return csatAt; }

}
