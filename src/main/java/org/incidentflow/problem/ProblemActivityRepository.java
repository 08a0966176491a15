package org.incidentflow.problem;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemActivityRepository extends JpaRepository<ProblemActivity, Long> {

	List<ProblemActivity> findByProblemIdOrderByAtAscIdAsc(Long problemId);

}
