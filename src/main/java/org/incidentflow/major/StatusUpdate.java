package org.incidentflow.major;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One status update of a major incident as it was published to the callers of its children. Insert only. */
@Entity
@Table(name = "major_status_update")
public class StatusUpdate {

	public static final int BODY_MAX = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "major_incident_id", nullable = false, updatable = false)
	private Long majorIncidentId;

	@Column(name = "published_at", nullable = false, updatable = false)
	private Instant publishedAt;

	@Column(name = "published_by", nullable = false, updatable = false, length = 100)
	private String publishedBy;

	@Column(nullable = false, updatable = false, length = BODY_MAX)
	private String body;

	@Column(name = "children_told", nullable = false, updatable = false)
	private int childrenTold;

	protected StatusUpdate() {
	}

	public StatusUpdate(Long majorIncidentId, Instant publishedAt, String publishedBy, String body, int childrenTold) {
		this.majorIncidentId = majorIncidentId;
		this.publishedAt = publishedAt;
		this.publishedBy = publishedBy;
		this.body = body;
		this.childrenTold = childrenTold;
	}

	public Long getId() { return id; }
	public Long getMajorIncidentId() { return majorIncidentId; }
	public Instant getPublishedAt() { return publishedAt; }
	public String getPublishedBy() { return publishedBy; }
	public String getBody() { return body; }
	public int getChildrenTold() { return childrenTold; }

}
