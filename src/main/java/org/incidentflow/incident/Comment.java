package org.incidentflow.incident;

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
import jakarta.persistence.Table;

/** A public comment (the caller sees it) or an internal work note (agents only). Never edited once written. */
@Entity
@Table(name = "incident_comment")
public class Comment {

	public enum Visibility { PUBLIC, INTERNAL }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "incident_id", nullable = false, updatable = false)
	private Incident incident;

	@Column(nullable = false, updatable = false, length = Incident.NAME_MAX)
	private String author;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 10)
	private Visibility visibility;

	@Column(nullable = false, updatable = false, length = Incident.TEXT_MAX)
	private String body;

	/** Where the comment came from: api, tasklist, email, monitoring. */
	@Column(nullable = false, updatable = false, length = 20)
	private String source;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Comment() {
	}

	public Comment(Incident incident, String author, Visibility visibility, String body, String source, Instant createdAt) {
		this.incident = incident;
		this.author = author;
		this.visibility = visibility;
		this.body = body;
		this.source = source;
		this.createdAt = createdAt;
	}

	public Long getId() { return id; }
	public Incident getIncident() { return incident; }
	public String getAuthor() { return author; }
	public Visibility getVisibility() { return visibility; }
	public String getBody() { return body; }
	public String getSource() { return source; }
	public Instant getCreatedAt() { return createdAt; }

}
