package org.incidentflow.major.detection;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MajorIncidentProposalRepository extends JpaRepository<MajorIncidentProposal, Long> {

	Optional<MajorIncidentProposal> findByOpenClusterKey(String openClusterKey);

	/**
	 * The open proposal of the cluster, row-locked until the transaction ends: a promotion and an acceptance of the
	 * same cluster on two nodes run one after the other, and the second sees what the first decided.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from MajorIncidentProposal p where p.openClusterKey = :key")
	Optional<MajorIncidentProposal> lockOpen(@Param("key") String key);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from MajorIncidentProposal p where p.id = :id")
	Optional<MajorIncidentProposal> lockById(@Param("id") Long id);

	List<MajorIncidentProposal> findByClusterKeyOrderByIdAsc(String clusterKey);

	Optional<MajorIncidentProposal> findFirstByClusterKeyAndStateOrderByIdDesc(String clusterKey,
			MajorIncidentProposal.Status state);

}
