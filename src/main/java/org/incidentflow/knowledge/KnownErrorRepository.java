package org.incidentflow.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface KnownErrorRepository extends JpaRepository<KnownError, Long> {

	Optional<KnownError> findByNumber(String number);

	Optional<KnownError> findByProblemNumber(String problemNumber);

	/** Locks the problem's known error (if any), so that two deliveries of the same job update one row. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select k from KnownError k where k.problemNumber = ?1")
	Optional<KnownError> lockByProblemNumber(String problemNumber);

	List<KnownError> findByStateOrderByNumberDesc(KnownErrorState state);

	List<KnownError> findAllByOrderByNumberDesc();

	/** Portable: PostgreSQL and H2 both know nextval. */
	@Query(value = "select nextval('known_error_seq')", nativeQuery = true)
	long nextNumber();
}
