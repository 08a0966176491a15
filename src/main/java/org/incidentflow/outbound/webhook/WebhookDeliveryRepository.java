package org.incidentflow.outbound.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

	/** Due, not leased, and its subscription enabled (a disabled one keeps its backlog until enabled again). */
	String DUE = "d.status = org.incidentflow.outbound.webhook.WebhookDelivery.Status.PENDING"
			+ " and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)"
			+ " and exists (select 1 from WebhookSubscription s where s.id = d.subscriptionId and s.enabled = true)";

	@Query("select d.id from WebhookDelivery d where " + DUE + " order by d.nextAttemptAt, d.id")
	List<Long> findDueIds(@Param("now") Instant now, Pageable page);

	/** Takes a lease on a due row; only one of several racing callers gets an update count of 1. */
	@Modifying
	@Query("update WebhookDelivery d set d.claimedUntil = :until where d.id = :id and " + DUE)
	int claim(@Param("id") Long id, @Param("now") Instant now, @Param("until") Instant until);

	Page<WebhookDelivery> findBySubscriptionIdOrderByIdDesc(Long subscriptionId, Pageable page);

	List<WebhookDelivery> findByIncidentNumberOrderByIdAsc(String incidentNumber);

}
