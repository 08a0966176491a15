package org.incidentflow.idempotency;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface IdempotentRequestRepository extends JpaRepository<IdempotentRequest, Long> {

	Optional<IdempotentRequest> findByPrincipalAndKey(String principal, String key);

	@Transactional
	@Modifying
	@Query("delete from IdempotentRequest r where r.expiresAt <= :now")
	int deleteExpired(Instant now);

}
