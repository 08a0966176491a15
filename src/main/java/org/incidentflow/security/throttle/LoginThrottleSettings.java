package org.incidentflow.security.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The throttling policy ({@code incidentflow.security.login-throttle.*}). After {@code freeFailures} failed logins of
 * one user from one address (or {@code freeAddressFailures} from one address for any users), each further failure
 * delays the next attempt for that key: {@code firstDelay}, then twice as long each time, never longer than
 * {@code maxDelay}. A key without a failure for {@code resetAfter} starts again from zero.
 */
@ConfigurationProperties("incidentflow.security.login-throttle")
public record LoginThrottleSettings(
		@DefaultValue("5") int freeFailures,
		@DefaultValue("30") int freeAddressFailures,
		@DefaultValue("PT1S") Duration firstDelay,
		@DefaultValue("PT5M") Duration maxDelay,
		@DefaultValue("PT15M") Duration resetAfter) {

	public LoginThrottleSettings {
		if (freeFailures < 1 || freeAddressFailures < freeFailures) {
			throw new IllegalArgumentException("free-failures must be at least 1 and at most free-address-failures");
		}
		if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("first-delay must be positive and not longer than max-delay");
		}
		if (resetAfter.compareTo(maxDelay) < 0) {
			throw new IllegalArgumentException("reset-after must not be shorter than max-delay");
		}
	}

	/** The delay after the given number of failures of a key that allows {@code free} failures; zero: none. */
	Duration delayAfter(int failures, int free) {
		if (failures <= free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free - 1, 40);
		long millis = firstDelay.toMillis();
		for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
			millis *= 2;
		}
		return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
	}

}
