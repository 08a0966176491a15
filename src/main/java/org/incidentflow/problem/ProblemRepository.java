package org.incidentflow.problem;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProblemRepository extends JpaRepository<Problem, Long> {

	Optional<Problem> findByNumber(String number);

	Page<Problem> findByStateIn(List<ProblemState> states, Pageable page);

	@Query(value = "select nextval('problem_number_seq')", nativeQuery = true)
	long nextNumber();

}
