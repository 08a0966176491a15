package org.incidentflow.major;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MajorIncidentRepository extends JpaRepository<MajorIncident, Long> {
}
