package org.incidentflow.incident;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface IncidentRepository extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

	Optional<Incident> findByNumber(String number);

	/** The incidents linked to a problem (org.incidentflow.problem), oldest first. */
	java.util.List<Incident> findByProblemNumberOrderByReportedAtAsc(String problemNumber);

	/** The children of a parent (org.incidentflow.major), oldest first. */
	java.util.List<Incident> findByParentIdOrderByReportedAtAscIdAsc(Long parentId);

	long countByParentId(Long parentId);

	/** Open major incidents of a service, oldest first: later reports join the first. */
	@Query("select i from Incident i where i.major = true and i.service = :service and i.state not in :closed"
			+ " order by i.reportedAt asc, i.id asc")
	java.util.List<Incident> findOpenMajorIncidents(@org.springframework.data.repository.query.Param("service") String service,
			@org.springframework.data.repository.query.Param("closed") java.util.Collection<State> closed);

	/** The next incident number from its sequence (portable: PostgreSQL and H2 both know nextval). */
	@Query(value = "select nextval('incident_number_seq')", nativeQuery = true)
	long nextNumber();

}
