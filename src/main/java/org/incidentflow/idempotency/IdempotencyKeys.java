package org.incidentflow.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a {@code POST} at most once per {@code Idempotency-Key} (as Stripe's and PagerDuty's APIs do):
 * <ul>
 * <li>the key's row is inserted first, in the transaction of the change, so the key exists exactly when the change
 * committed; a failed request (400, 409, a crash) leaves no key and may be sent again;</li>
 * <li>a retry with the same key and the same request (endpoint and body) within the retention (24 h) gets the first
 * answer: same status, same incident, without acting again;</li>
 * <li>the same key with another request is refused with 422;</li>
 * <li>a concurrent retry (another thread or node) waits on the key's unique index until the first request commits, then
 * finds its row; if the first rolled back, the retry runs instead.</li>
 * </ul>
 * Keys belong to the authenticated user. Times are on the engine clock, so tests can move them.
 */
@Service
public class IdempotencyKeys {

	public static final String HEADER = "Idempotency-Key";
	public static final int KEY_MAX = 255;

	/** Printable ASCII without spaces, as UUIDs, ULIDs and the usual client-side random keys are. */
	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + KEY_MAX + "}");
	private static final int ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final IdempotentRequestRepository requests;
	private final TransactionTemplate transaction;
	private final ObjectMapper json;
	private final Duration retention;

	public IdempotencyKeys(IdempotentRequestRepository requests, PlatformTransactionManager transactionManager,
			ObjectMapper json, @Value("${incidentflow.idempotency.retention:PT24H}") Duration retention) {
		this.requests = requests;
		this.transaction = new TransactionTemplate(transactionManager);
		this.json = json;
		this.retention = retention;
	}

	/** The answer to give: the incident's number and the status, and whether it is the first request's answer. */
	public record Answer(String incidentNumber, int status, boolean replayed) {
	}

	/**
	 * Runs {@code action} (which returns the incident's number) once for the key, or answers as the first run did.
	 * Without a key, simply runs it.
	 *
	 * @param endpoint method and path, e.g. {@code POST /api/incidents}
	 * @param body the request body as read (compared as JSON, so key order and spacing do not matter)
	 * @param status the status of a successful answer
	 */
	public Answer once(String principal, String key, String endpoint, Object body, HttpStatus status,
			Supplier<String> action) {
		if (key == null) {
			return new Answer(action.get(), status.value(), false);
		}
		if (!KEY.matcher(key).matches()) {
			throw new InvalidRequestException(HEADER, "must be 1 to " + KEY_MAX
					+ " printable ASCII characters without spaces (a UUID, for example)");
		}
		String hash = hash(endpoint, body);
		for (int attempt = 1;; attempt++) {
			Optional<Answer> earlier = earlierAnswer(principal, key, endpoint, hash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			try {
				return transaction.execute(tx -> {
					Instant now = ActivityLog.now();
					requests.findByPrincipalAndKey(principal, key).filter(old -> old.isExpiredAt(now))
						.ifPresent(expired -> {
							requests.delete(expired);
							requests.flush();
						});
					IdempotentRequest claimed;
					try {
						claimed = requests.saveAndFlush(new IdempotentRequest(principal, key, endpoint, hash,
								status.value(), now, now.plus(retention)));
					}
					catch (DataIntegrityViolationException | PessimisticLockingFailureException taken) {
						// a duplicate, or the database gave up waiting for the key's index entry that a concurrent
						// request holds (H2's lock timeout under load): both mean "taken", look again after a pause
						throw new KeyTaken(taken);
					}
					String number = action.get();
					claimed.answered(number);
					return new Answer(number, status.value(), false);
				});
			}
			catch (KeyTaken concurrent) {
				// another request with this key committed first, or still holds the key's index entry
				if (attempt >= ATTEMPTS) {
					throw Problems.conflict("Request in progress", "A request with this Idempotency-Key is still "
							+ "being processed; retry in a moment.");
				}
				log.debug("Idempotency-Key {} of {}: concurrent request, attempt {}", key, principal, attempt);
				pause(attempt);
			}
		}
	}

	private Optional<Answer> earlierAnswer(String principal, String key, String endpoint, String hash) {
		Instant now = ActivityLog.now();
		return requests.findByPrincipalAndKey(principal, key)
			.filter(earlier -> !earlier.isExpiredAt(now))
			.map(earlier -> {
				if (!earlier.isFor(endpoint, hash)) {
					throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
							"This Idempotency-Key was used within the last " + retention.toHours() + " hours for "
									+ "another request (" + earlier.getEndpoint() + " with a different body). "
									+ "Send a new key with a new request.");
				}
				return new Answer(earlier.getIncidentNumber(), earlier.getResponseStatus(), true);
			});
	}

	/** Deletes the rows past their retention; any node may run it, deleting twice is harmless. */
	@Scheduled(fixedDelayString = "${incidentflow.idempotency.cleanup-interval:PT1H}",
			initialDelayString = "${incidentflow.idempotency.cleanup-interval:PT1H}")
	public int deleteExpired() {
		int deleted = requests.deleteExpired(ActivityLog.now());
		if (deleted > 0) {
			log.info("Deleted {} expired Idempotency-Keys", deleted);
		}
		return deleted;
	}

	private String hash(String endpoint, Object body) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(endpoint.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) '\n');
			sha256.update(json.writeValueAsBytes(body));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException | JsonProcessingException e) {
			throw new IllegalStateException("Cannot hash the request for its Idempotency-Key", e);
		}
	}

	/** The key's row could not be inserted: another request has it. Rolls the attempt back. */
	private static final class KeyTaken extends RuntimeException {

		private static final long serialVersionUID = 1L;

		KeyTaken(org.springframework.dao.DataAccessException cause) {
			super(cause);
		}

	}

	/** The first request holds the key's index entry for one short transaction: wait a little before looking again. */
	private static void pause(int attempt) {
		try {
			Thread.sleep(25L * attempt);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
