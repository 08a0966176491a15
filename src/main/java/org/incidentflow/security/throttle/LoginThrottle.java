package org.incidentflow.security.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.incidentflow.incident.ActivityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per client address and per user at an address, in the table {@code login_throttle} shared by all
 * nodes. A login first asks {@link #attempt}: while a key is blocked, the password is not even checked (the caller
 * answers 429 with {@code Retry-After}); otherwise the caller checks the password and reports {@link #failed} or
 * {@link #succeeded}.
 * <p>
 * Why per user <em>and address</em> rather than per user: a per-user lock is a lock anyone can trigger, and the
 * engine's own lock (which this replaces) let one anonymous request make Alertmanager's deliveries fail. Guessing is
 * bounded per address instead: a few free failures per user, then a delay that doubles up to the cap, and a per-address
 * budget across all users against password spraying. A successful login clears the user's key at that address, never
 * the address's key (a valid account must not reset an attacker's budget).
 * <p>
 * Cost: a login reads at most two rows by primary key and writes nothing unless it failed, or succeeded after
 * failures. Times are on the engine clock ({@link ActivityLog#now()}), so tests move them without sleeping.
 */
@Service
@EnableConfigurationProperties(LoginThrottleSettings.class)
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** Longest user id kept in a key (Camunda ids are shorter); longer names are cut, not refused. */
	private static final int USER_MAX = 255;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final LoginThrottleSettings settings;

	public LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			LoginThrottleSettings settings) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		// a login is not part of any business transaction, and its failure must be counted even if that rolls back
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.settings = settings;
	}

	/** One login of {@code userId} from {@code address}: whether it may be tried now. */
	public record Attempt(String userKey, String addressKey, Duration retryAfter, boolean userHasFailures) {

		public boolean blocked() {
			return !retryAfter.isZero();
		}

	}

	public Attempt attempt(String userId, String clientAddress) {
		String address = addressKey(clientAddress);
		String user = userKey(userId, clientAddress);
		Instant now = ActivityLog.now();
		Duration retryAfter = Duration.ZERO;
		boolean userHasFailures = false;
		List<Row> rows = jdbc.query(
				"SELECT throttle_key, failures, last_failure_at, blocked_until FROM login_throttle "
						+ "WHERE throttle_key IN (?, ?)",
				(rs, n) -> new Row(rs.getString(1), rs.getInt(2), instant(rs, 3), instant(rs, 4)),
				address, user);
		for (Row row : rows) {
			if (row.key().equals(user)) {
				userHasFailures = true;
			}
			if (row.blockedUntil() != null && row.blockedUntil().isAfter(now)) {
				// never longer than the cap, even when another node's clock or a test clock ran ahead
				Duration left = Duration.between(now, row.blockedUntil());
				if (left.compareTo(settings.maxDelay()) > 0) {
					left = settings.maxDelay();
				}
				if (left.compareTo(retryAfter) > 0) {
					retryAfter = left;
				}
			}
		}
		return new Attempt(user, address, retryAfter, userHasFailures);
	}

	/** Counts a failed login; returns how long the user must now wait at this address (zero: not at all). */
	public Duration failed(Attempt attempt) {
		Instant now = ActivityLog.now();
		// in key order (address: before user:), each in its own short transaction: nodes never wait on each other
		Duration addressDelay = count(attempt.addressKey(), now, settings.freeAddressFailures());
		Duration userDelay = count(attempt.userKey(), now, settings.freeFailures());
		Duration delay = addressDelay.compareTo(userDelay) > 0 ? addressDelay : userDelay;
		if (!delay.isZero()) {
			log.info("Failed login for {}: further attempts wait {} s", attempt.userKey(), seconds(delay));
		}
		return delay;
	}

	/** A successful login clears the user's failures at this address (and writes nothing when there were none). */
	public void succeeded(Attempt attempt) {
		if (attempt.userHasFailures()) {
			jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", attempt.userKey());
		}
	}

	private Duration count(String key, Instant now, int free) {
		for (int tries = 0; tries < 3; tries++) {
			try {
				Duration delay = transaction.execute(status -> {
					List<Row> rows = jdbc.query("SELECT throttle_key, failures, last_failure_at, blocked_until "
							+ "FROM login_throttle WHERE throttle_key = ? FOR UPDATE",
							(rs, n) -> new Row(rs.getString(1), rs.getInt(2), instant(rs, 3), null),
							key);
					if (rows.isEmpty()) {
						Duration first = settings.delayAfter(1, free);
						jdbc.update("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until) "
								+ "VALUES (?, 1, ?, ?)", key, at(now), blockedUntil(now, first));
						return first;
					}
					Row row = rows.get(0);
					boolean forgotten = row.lastFailureAt().plus(settings.resetAfter()).isBefore(now);
					int failures = forgotten ? 1 : (int) Math.min(Integer.MAX_VALUE - 1L, row.failures() + 1L);
					Duration delay1 = settings.delayAfter(failures, free);
					jdbc.update("UPDATE login_throttle SET failures = ?, last_failure_at = ?, blocked_until = ? "
							+ "WHERE throttle_key = ?", failures, at(now), blockedUntil(now, delay1), key);
					return delay1;
				});
				return delay;
			}
			catch (DuplicateKeyException concurrentInsert) {
				// another node inserted the key meanwhile: count on its row
			}
		}
		throw new IllegalStateException("Could not count a failed login for " + key);
	}

	private static OffsetDateTime blockedUntil(Instant now, Duration delay) {
		return delay.isZero() ? null : at(now.plus(delay));
	}

	/** Timestamps with time zone as OffsetDateTime: read and written alike by the PostgreSQL and H2 drivers. */
	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** Forgets keys without a failure for the reset period and no block left; any node may run it. */
	@Scheduled(fixedDelayString = "${incidentflow.security.login-throttle.cleanup-interval:PT10M}",
			initialDelayString = "${incidentflow.security.login-throttle.cleanup-interval:PT10M}")
	public int forgetOldFailures() {
		Instant now = ActivityLog.now();
		return jdbc.update("DELETE FROM login_throttle WHERE last_failure_at < ? "
				+ "AND (blocked_until IS NULL OR blocked_until < ?)",
				at(now.minus(settings.resetAfter())), at(now));
	}

	static String addressKey(String clientAddress) {
		return "address:" + normalizedAddress(clientAddress);
	}

	static String userKey(String userId, String clientAddress) {
		String user = userId == null ? "" : userId;
		if (user.length() > USER_MAX) {
			user = user.substring(0, USER_MAX);
		}
		return "user:" + user + "@" + normalizedAddress(clientAddress);
	}

	/**
	 * IPv4 as is; IPv6 by its /64 prefix (one subscriber usually holds a whole /64, so counting single IPv6 addresses
	 * would give an attacker billions of fresh budgets).
	 */
	static String normalizedAddress(String clientAddress) {
		if (clientAddress == null || clientAddress.isBlank()) {
			return "unknown";
		}
		String address = clientAddress.trim();
		if (address.indexOf(':') < 0) {
			return address.length() > 64 ? address.substring(0, 64) : address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
					: address).getAddress();
			if (bytes.length == 16) {
				StringBuilder prefix = new StringBuilder();
				for (int i = 0; i < 8; i += 2) {
					prefix.append(String.format(Locale.ROOT, "%x", ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
						.append(':');
				}
				return prefix.append(":/64").toString();
			}
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException | IllegalArgumentException notAnAddress) {
			return address.length() > 64 ? address.substring(0, 64) : address;
		}
	}

	static long seconds(Duration duration) {
		long seconds = (duration.toMillis() + 999) / 1000;
		return Math.max(1, seconds);
	}

	private record Row(String key, int failures, Instant lastFailureAt, Instant blockedUntil) {
	}

}
