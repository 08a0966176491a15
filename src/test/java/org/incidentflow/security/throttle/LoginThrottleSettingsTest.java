package org.incidentflow.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LoginThrottleSettingsTest {

	private final LoginThrottleSettings settings = new LoginThrottleSettings(5, 30, Duration.ofSeconds(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15));

	@Test
	void delayDoublesAfterTheFreeFailuresUpToTheCap() {
		assertThat(IntStream.rangeClosed(1, 16).mapToObj(n -> settings.delayAfter(n, 5).toSeconds()).toList())
			.containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
		assertThat(settings.delayAfter(Integer.MAX_VALUE - 1, 5)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aPolicyThatCouldLockForLongerThanItForgetsIsRefused() {
		assertThatThrownBy(() -> new LoginThrottleSettings(5, 30, Duration.ofSeconds(1), Duration.ofHours(1),
				Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new LoginThrottleSettings(0, 30, Duration.ofSeconds(1), Duration.ofMinutes(5),
				Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void ipv6AddressesCountByTheirSlash64() {
		assertThat(LoginThrottle.normalizedAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
			.isEqualTo(LoginThrottle.normalizedAddress("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(LoginThrottle.normalizedAddress("203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(LoginThrottle.normalizedAddress(null)).isEqualTo("unknown");
		assertThat(LoginThrottle.userKey("paul", "0:0:0:0:0:0:0:1")).isEqualTo("user:paul@0:0:0:0::/64");
	}

}
