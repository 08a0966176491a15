package org.incidentflow.major;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A follow-up action of a post-incident review, tracked until done. Type {@code problem} raised a problem record
 * ({@link #getProblemNumber()}), whose own process tracks it; type {@code action} is worked by its owner group.
 */
@Entity
@Table(name = "major_follow_up")
public class FollowUp {

	public static final String ACTION = "action";
	public static final String PROBLEM = "problem";
	public static final int DESCRIPTION_MAX = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "major_incident_id", nullable = false, updatable = false)
	private Long majorIncidentId;

	@Column(nullable = false, length = DESCRIPTION_MAX)
	private String description;

	@Column(nullable = false, length = 20)
	private String type;

	@Column(name = "owner_group", nullable = false, length = 64)
	private String ownerGroup;

	@Column(name = "due_date", nullable = false)
	private LocalDate dueDate;

	@Column(nullable = false)
	private boolean done;

	@Column(name = "done_at")
	private Instant doneAt;

	@Column(name = "problem_number", length = 20)
	private String problemNumber;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected FollowUp() {
	}

	public FollowUp(Long majorIncidentId, String description, String type, String ownerGroup, LocalDate dueDate,
			Instant createdAt) {
		this.majorIncidentId = majorIncidentId;
		this.description = description;
		this.type = type;
		this.ownerGroup = ownerGroup;
		this.dueDate = dueDate;
		this.createdAt = createdAt;
	}

	public void markDone(Instant at) {
		if (!done) {
			done = true;
			doneAt = at;
		}
	}

	public Long getId() { return id; }
	public Long getMajorIncidentId() { return majorIncidentId; }
	public String getDescription() { return description; }
	public String getType() { return type; }
	public String getOwnerGroup() { return ownerGroup; }
	public LocalDate getDueDate() { return dueDate; }
	public boolean isDone() { return done; }
	public Instant getDoneAt() { return doneAt; }
	public String getProblemNumber() { return problemNumber; }
	public void setProblemNumber(String problemNumber) { this.problemNumber = problemNumber; }
	public Instant getCreatedAt() { return createdAt; }

}
