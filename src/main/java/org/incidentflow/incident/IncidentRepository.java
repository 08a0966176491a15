package org.incidentflow.incident;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface IncidentRepository extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

	Optional<Incident> findByNumber(String number);

	/** The incidents linked to a problem (org.incidentflow.problem), oldest first. */
	java.util.List<Incident> findByProblemNumberOrderByReportedAtAsc(String problemNumber);

	/** The next incident number from its sequence (portable: PostgreSQL and H2 both know nextval). */
	@Query(value = "select nextval('incident_number_seq')", nativeQuery = true)
	long nextNumber();

}
