package org.incidentflow.major.detection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MajorIncidentProposalRepository extends JpaRepository<MajorIncidentProposal, Long> {

	Optional<MajorIncidentProposal> findByOpenClusterKey(String openClusterKey);

	List<MajorIncidentProposal> findByClusterKeyOrderByIdAsc(String clusterKey);

	Optional<MajorIncidentProposal> findFirstByClusterKeyAndStateOrderByIdDesc(String clusterKey,
			MajorIncidentProposal.Status state);

}
