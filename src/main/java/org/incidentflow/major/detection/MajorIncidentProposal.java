package org.incidentflow.major.detection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A cluster of reports of one service that the decision {@code major-incident-detection} proposed (or promoted).
 * While open it holds its cluster key in the unique column {@code open_cluster_key}: of parallel reports of the
 * cluster exactly one registers it. Deciding it frees the key; a rejection keeps {@code clusterSize} so that the
 * cluster is proposed again only after it grew by the table's factor.
 */
@Entity
@Table(name = "major_incident_proposal")
public class MajorIncidentProposal {

	public enum Status { OPEN, ACCEPTED, REJECTED, PROMOTED }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "cluster_key", nullable = false, updatable = false, length = 320)
	private String clusterKey;

	@Column(name = "open_cluster_key", unique = true, length = 320)
	private String openClusterKey;

	@Column(nullable = false, updatable = false, length = 100)
	private String service;

	@Column(name = "rule_name", nullable = false, updatable = false, length = 500)
	private String ruleName;

	/** The decision's inputs when the rule fired, as "name = value" lines: what the incident managers are shown. */
	@Column(name = "decision_inputs", nullable = false, updatable = false, length = 4000)
	private String decisionInputs;

	/** Comma-separated incident numbers of the cluster, oldest first. */
	@Column(name = "incident_numbers", nullable = false, length = 4000)
	private String incidentNumbers;

	@Column(name = "cluster_size", nullable = false)
	private int clusterSize;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Status state = Status.OPEN;

	@Column(name = "major_number", length = 20)
	private String majorNumber;

	@Column(name = "proposed_at", nullable = false, updatable = false)
	private Instant proposedAt;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decided_by", length = 100)
	private String decidedBy;

	@Column(name = "decision_reason", length = 1000)
	private String decisionReason;

	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;

	protected MajorIncidentProposal() {
	}

	public MajorIncidentProposal(String clusterKey, String service, String ruleName, String decisionInputs,
			java.util.List<String> incidentNumbers, Instant proposedAt) {
		this.clusterKey = clusterKey;
		this.openClusterKey = clusterKey;
		this.service = service;
		this.ruleName = ruleName;
		this.decisionInputs = decisionInputs;
		this.incidentNumbers = String.join(",", incidentNumbers);
		this.clusterSize = incidentNumbers.size();
		this.proposedAt = proposedAt;
	}

	public void accept(String majorNumber, String by, Instant at) {
		decide(Status.ACCEPTED, by, at, null);
		this.majorNumber = majorNumber;
	}

	public void promote(String majorNumber, Instant at) {
		decide(Status.PROMOTED, "major-incident-detection", at, null);
		this.majorNumber = majorNumber;
	}

	public void reject(String by, Instant at, String reason) {
		decide(Status.REJECTED, by, at, reason);
	}

	private void decide(Status outcome, String by, Instant at, String reason) {
		if (state != Status.OPEN) {
			throw new IllegalStateException("Major incident proposal " + id + " is already " + state);
		}
		state = outcome;
		openClusterKey = null;
		decidedBy = by;
		decidedAt = at;
		decisionReason = reason;
	}

	public java.util.List<String> incidentNumberList() {
		return java.util.List.of(incidentNumbers.split(","));
	}

	public Long getId() { return id; }
	public String getClusterKey() { return clusterKey; }
	public String getService() { return service; }
	public String getRuleName() { return ruleName; }
	public String getDecisionInputs() { return decisionInputs; }
	public String getIncidentNumbers() { return incidentNumbers; }
	public int getClusterSize() { return clusterSize; }
	public Status getState() { return state; }
	public String getMajorNumber() { return majorNumber; }
	public Instant getProposedAt() { return proposedAt; }
	public Instant getDecidedAt() { return decidedAt; }
	public String getDecidedBy() { return decidedBy; }
	public String getDecisionReason() { return decisionReason; }
	public String getProcessInstanceId() { return processInstanceId; }
	public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }

}
