package org.incidentflow.security.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface IntegrationTokenRepository extends JpaRepository<IntegrationToken, Long> {

	Optional<IntegrationToken> findByTokenHash(String tokenHash);

	List<IntegrationToken> findAllByOrderByIdAsc();

	/**
	 * Records a use unless one was recorded since {@code notBefore}. The condition is in the statement, so several
	 * nodes racing for the same token write it once: the second waits for the first's row lock, then matches nothing.
	 */
	@Transactional
	@Modifying
	@Query("update IntegrationToken t set t.lastUsedAt = :now where t.id = :id "
			+ "and (t.lastUsedAt is null or t.lastUsedAt < :notBefore)")
	int recordUse(Long id, Instant now, Instant notBefore);

}
