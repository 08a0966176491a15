package org.incidentflow.major;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

	List<FollowUp> findByMajorIncidentIdOrderByIdAsc(Long majorIncidentId);

}
