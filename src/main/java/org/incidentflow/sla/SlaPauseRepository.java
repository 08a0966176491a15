package org.incidentflow.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaPauseRepository extends JpaRepository<SlaPause, Long> {

	List<SlaPause> findByIncidentIdOrderByStartedAtAscIdAsc(Long incidentId);

}
