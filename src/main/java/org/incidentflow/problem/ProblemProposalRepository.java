package org.incidentflow.problem;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemProposalRepository extends JpaRepository<ProblemProposal, Long> {

	Optional<ProblemProposal> findByOpenClusterKey(String openClusterKey);

	List<ProblemProposal> findByClusterKeyOrderByIdAsc(String clusterKey);

	Optional<ProblemProposal> findFirstByClusterKeyOrderByIdDesc(String clusterKey);

}
