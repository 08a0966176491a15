package org.incidentflow.problem;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A proposal of the decision {@code problem-detection}: the incidents of one cluster (service or configuration item)
 * that reached a threshold without a problem. While open it holds its cluster key in the unique column
 * {@code open_cluster_key}, so that parallel incidents of the cluster register it once; deciding it frees the key.
 */
@Entity
@Table(name = "problem_proposal")
public class ProblemProposal {

	public enum Status { OPEN, ACCEPTED, DISMISSED }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "cluster_key", nullable = false, updatable = false, length = 320)
	private String clusterKey;

	@Column(name = "open_cluster_key", unique = true, length = 320)
	private String openClusterKey;

	@Column(name = "rule_name", nullable = false, updatable = false, length = 200)
	private String ruleName;

	@Column(length = Problem.SERVICE_MAX, updatable = false)
	private String service;

	@Column(name = "configuration_item", length = Problem.CI_MAX, updatable = false)
	private String configurationItem;

	/** Comma-separated incident numbers, oldest first. */
	@Column(name = "incident_numbers", nullable = false, length = 4000)
	private String incidentNumbers;

	@Column(nullable = false, length = 20)
	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Status state = Status.OPEN;

	@Column(name = "problem_number", length = 20)
	private String problemNumber;

	@Column(name = "proposed_at", nullable = false, updatable = false)
	private Instant proposedAt;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decided_by", length = 100)
	private String decidedBy;

	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;

	protected ProblemProposal() {
	}

	public ProblemProposal(String clusterKey, String ruleName, String service, String configurationItem,
			String incidentNumbers, Instant proposedAt) {
		this.clusterKey = clusterKey;
		this.openClusterKey = clusterKey;
		this.ruleName = ruleName;
		this.service = service;
		this.configurationItem = configurationItem;
		this.incidentNumbers = incidentNumbers;
		this.proposedAt = proposedAt;
	}

	public void accept(String problemNumber, String by, Instant at) {
		decide(Status.ACCEPTED, by, at);
		this.problemNumber = problemNumber;
	}

	public void dismiss(String by, Instant at) {
		decide(Status.DISMISSED, by, at);
	}

	private void decide(Status outcome, String by, Instant at) {
		if (state != Status.OPEN) {
			throw new IllegalStateException("Proposal " + id + " is already " + state);
		}
		state = outcome;
		openClusterKey = null;
		decidedBy = by;
		decidedAt = at;
	}

	public Long getId() { return id; }
	public String getClusterKey() { return clusterKey; }
	public String getRuleName() { return ruleName; }
	public String getService() { return service; }
	public String getConfigurationItem() { return configurationItem; }
	public String getIncidentNumbers() { return incidentNumbers; }
	public Status getState() { return state; }
	public String getProblemNumber() { return problemNumber; }
	public Instant getProposedAt() { return proposedAt; }
	public Instant getDecidedAt() { return decidedAt; }
	public String getDecidedBy() { return decidedBy; }
	public String getProcessInstanceId() { return processInstanceId; }
	public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }

}
