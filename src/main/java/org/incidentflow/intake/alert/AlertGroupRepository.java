package org.incidentflow.intake.alert;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AlertGroupRepository extends JpaRepository<AlertGroup, Long> {

	Optional<AlertGroup> findBySourceAndGroupKey(String source, String groupKey);

	/** Blocks until concurrent deliveries of the same group have committed. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select g from AlertGroup g where g.id = :id")
	Optional<AlertGroup> lockById(Long id);

}
