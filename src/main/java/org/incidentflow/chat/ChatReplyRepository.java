package org.incidentflow.chat;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChatReplyRepository extends JpaRepository<ChatReply, Long> {

	String DUE = "r.status = org.incidentflow.chat.ChatReply.Status.PENDING and r.nextAttemptAt <= :now"
			+ " and (r.claimedUntil is null or r.claimedUntil < :now)";

	@Query("select r.id from ChatReply r where " + DUE + " order by r.nextAttemptAt, r.id")
	List<Long> findDueIds(@Param("now") Instant now, Pageable page);

	/** Takes a lease on a due row; only one of several racing callers gets an update count of 1. */
	@Modifying
	@Query("update ChatReply r set r.claimedUntil = :until where r.id = :id and " + DUE)
	int claim(@Param("id") Long id, @Param("now") Instant now, @Param("until") Instant until);

	List<ChatReply> findByIncidentNumberOrderByIdAsc(String incidentNumber);

}
