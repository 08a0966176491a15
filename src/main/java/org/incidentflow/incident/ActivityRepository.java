package org.incidentflow.incident;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActivityRepository extends JpaRepository<ActivityEntry, Long> {

	List<ActivityEntry> findByIncidentIdOrderByAtAscIdAsc(Long incidentId);

}
