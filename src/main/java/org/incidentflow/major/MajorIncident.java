package org.incidentflow.major;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What a major incident has beyond its incident record (the parent, flagged {@code major}): why and by whom it was
 * declared, its roles and the findings of its post-incident review. Keyed by the parent's id.
 */
@Entity
@Table(name = "major_incident")
public class MajorIncident {

	@Id
	@Column(name = "incident_id")
	private Long incidentId;

	@Version
	private long version;

	@Column(name = "declared_at", nullable = false, updatable = false)
	private Instant declaredAt;

	@Column(name = "declared_by", nullable = false, updatable = false, length = 100)
	private String declaredBy;

	@Column(name = "declare_reason", nullable = false, length = 4000)
	private String declareReason;

	@Column(name = "incident_commander", length = 64)
	private String incidentCommander;

	@Column(name = "communications_lead", length = 64)
	private String communicationsLead;

	@Column(name = "technical_lead", length = 64)
	private String technicalLead;

	@Column(name = "roles_assigned_at")
	private Instant rolesAssignedAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "review_cause", length = 10_000)
	private String reviewCause;

	@Column(name = "review_went_well", length = 10_000)
	private String reviewWentWell;

	@Column(name = "review_went_badly", length = 10_000)
	private String reviewWentBadly;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "reviewed_by", length = 100)
	private String reviewedBy;

	protected MajorIncident() {
	}

	public MajorIncident(Long incidentId, Instant declaredAt, String declaredBy, String declareReason) {
		this.incidentId = incidentId;
		this.declaredAt = declaredAt;
		this.declaredBy = declaredBy;
		this.declareReason = declareReason;
	}

	public void assignRoles(String commander, String communications, String technical, Instant at) {
		this.incidentCommander = commander;
		this.communicationsLead = communications;
		this.technicalLead = technical;
		this.rolesAssignedAt = at;
	}

	public void resolved(Instant at) {
		this.resolvedAt = at;
	}

	public void reviewed(String cause, String wentWell, String wentBadly, String by, Instant at) {
		this.reviewCause = cause;
		this.reviewWentWell = wentWell;
		this.reviewWentBadly = wentBadly;
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	public Long getIncidentId() { return incidentId; }
	public Instant getDeclaredAt() { return declaredAt; }
	public String getDeclaredBy() { return declaredBy; }
	public String getDeclareReason() { return declareReason; }
	public String getIncidentCommander() { return incidentCommander; }
	public String getCommunicationsLead() { return communicationsLead; }
	public String getTechnicalLead() { return technicalLead; }
	public Instant getRolesAssignedAt() { return rolesAssignedAt; }
	public Instant getResolvedAt() { return resolvedAt; }
	public String getReviewCause() { return reviewCause; }
	public String getReviewWentWell() { return reviewWentWell; }
	public String getReviewWentBadly() { return reviewWentBadly; }
	public Instant getReviewedAt() { return reviewedAt; }
	public String getReviewedBy() { return reviewedBy; }

}
