package org.incidentflow.outbound.mail;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

	String DUE = "o.status = org.incidentflow.outbound.mail.OutboxMail.Status.PENDING and o.nextAttemptAt <= :now"
			+ " and (o.claimedUntil is null or o.claimedUntil < :now)";

	@Query("select o.id from OutboxMail o where " + DUE + " order by o.nextAttemptAt, o.id")
	List<Long> findDueIds(@Param("now") Instant now, Pageable page);

	/**
	 * Takes a lease on a due row. Only one of several nodes (or threads) racing for a row gets an update count of 1: the
	 * others wait for its commit, then find the lease and update nothing.
	 */
	@Modifying
	@Query("update OutboxMail o set o.claimedUntil = :until where o.id = :id and " + DUE)
	int claim(@Param("id") Long id, @Param("now") Instant now, @Param("until") Instant until);

	List<OutboxMail> findByIncidentNumberOrderByIdAsc(String incidentNumber);

}
