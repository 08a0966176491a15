package org.incidentflow.asset;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One outgoing relationship of a configuration item: "this CI {@code type} {@code targetId}". */
@Embeddable
public class Relationship {

	@Enumerated(EnumType.STRING)
	@Column(name = "type", nullable = false, length = 20)
	private RelationshipType type;

	@Column(name = "target_id", nullable = false, length = ConfigurationItem.ID_MAX)
	private String targetId;

	protected Relationship() {
	}

	public Relationship(RelationshipType type, String targetId) {
		this.type = Objects.requireNonNull(type);
		this.targetId = Objects.requireNonNull(targetId);
	}

	public RelationshipType getType() { return type; }

	public String getTargetId() { return targetId; }

	@Override
	public boolean equals(Object other) {
		return other instanceof Relationship r && r.type == type && r.targetId.equals(targetId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(type, targetId);
	}

}
