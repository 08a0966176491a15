package org.incidentflow.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.incidentflow.persistence.TransactionRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain every outbox channel shares: take the due rows in batches, win the lease of each (an UPDATE only one node
 * or thread wins), deliver it, and go on while due rows turn up. A row another node holds, or that failed in this
 * drain, waits for a later drain. Delivery itself (and marking the row) is the channel's.
 */
public final class OutboxDrain {

	private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);

	/** What a delivery attempt came to. */
	public enum Outcome { SENT, FAILED, SKIPPED }

	public record Result(int sent, int failed, int skipped) {

		public boolean isEmpty() {
			return sent + failed + skipped == 0;
		}

	}

	/** One channel's rows. Each method runs in its own transaction (the drain opens none for it). */
	public interface Channel {

		List<Long> dueIds(Instant now, int batchSize);

		/** 1 when this caller took the lease of a due row, 0 when another caller has it or it is no longer due. */
		int claim(Long id, Instant now, Instant until);

		Outcome deliver(Long id, Instant now);

	}

	private OutboxDrain() {
	}

	/** Wait before attempt {@code attempts + 1}, after {@code attempts} failures: doubled from initial up to max. */
	public static Duration backoff(int attempts, Duration initial, Duration max) {
		Duration wait = initial;
		for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(max) > 0 ? max : wait;
	}

	public static Result drain(String name, Channel channel, TransactionRetry transactions, Instant now,
			Duration lease, int batchSize) {
		int sent = 0;
		int failed = 0;
		int skipped = 0;
		Set<Long> seen = new HashSet<>();
		Instant until = now.plus(lease);
		while (true) {
			List<Long> due = new ArrayList<>(
					transactions.inNewTransaction(name + " due", () -> channel.dueIds(now, batchSize)));
			due.removeIf(id -> !seen.add(id));
			if (due.isEmpty()) {
				return new Result(sent, failed, skipped);
			}
			for (Long id : due) {
				if (!claim(name, channel, transactions, id, now, until)) {
					continue;
				}
				switch (channel.deliver(id, now)) {
					case SENT -> sent++;
					case FAILED -> failed++;
					case SKIPPED -> skipped++;
				}
			}
		}
	}

	private static boolean claim(String name, Channel channel, TransactionRetry transactions, Long id, Instant now,
			Instant until) {
		try {
			return transactions.inNewTransaction(name + " claim", () -> channel.claim(id, now, until)) == 1;
		}
		catch (RuntimeException e) {
			// another node holds the row lock and the database refused to wait: it is that node's row now
			log.debug("{} row {} not claimed: {}", name, id, e.getMessage());
			return false;
		}
	}

}
