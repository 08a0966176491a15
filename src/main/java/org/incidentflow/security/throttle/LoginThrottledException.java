package org.incidentflow.security.throttle;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused without looking at the password: too many recent failures for this user or address. */
public class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	public LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins; try again in " + LoginThrottle.seconds(retryAfter) + " s");
		this.retryAfter = retryAfter;
	}

	public Duration getRetryAfter() {
		return retryAfter;
	}

	/** The value of the {@code Retry-After} header: whole seconds, at least 1. */
	public String retryAfterSeconds() {
		return Long.toString(LoginThrottle.seconds(retryAfter));
	}

}
