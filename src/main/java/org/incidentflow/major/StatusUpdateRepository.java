package org.incidentflow.major;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StatusUpdateRepository extends JpaRepository<StatusUpdate, Long> {

	List<StatusUpdate> findByMajorIncidentIdOrderByPublishedAtAscIdAsc(Long majorIncidentId);

}
