package org.incidentflow.persistence;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs intake work in a fresh transaction and runs it again when it lost a race: another delivery of the same alert or
 * mail (another thread or node) committed first and a unique constraint refused the duplicate, or a lock or optimistic
 * version check failed. The next attempt sees the winner's rows and treats the delivery as a repeat. The caller's
 * answer is given only after {@link #inNewTransaction} returned, that is after commit.
 */
@Component
public class TransactionRetry {

	static final int ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

	private final TransactionTemplate transaction;

	public TransactionRetry(PlatformTransactionManager transactionManager) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public <T> T inNewTransaction(String what, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> work.get());
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException | OptimisticLockingException e) {
				if (attempt >= ATTEMPTS) {
					throw e;
				}
				log.debug("{}: lost a race (attempt {}), retrying: {}", what, attempt, e.getMessage());
			}
		}
	}

}
