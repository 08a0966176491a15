package org.incidentflow.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;

/**
 * Intake endpoints are for integrations only: the caller must be in the Camunda group {@code integrations}
 * (Spring Security authorities are the caller's group ids). Checked in the controller, so no method security is needed.
 */
public final class IntegrationAccess {

	public static final String AUTHORITY = "integrations";

	private IntegrationAccess() {
	}

	/** @return the integration's user id */
	public static String require(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			throw problem(HttpStatus.UNAUTHORIZED, "Authentication required.");
		}
		boolean member = authentication.getAuthorities().stream()
			.anyMatch(authority -> AUTHORITY.equals(authority.getAuthority()));
		if (!member) {
			throw problem(HttpStatus.FORBIDDEN, "Only members of the group '" + AUTHORITY + "' may deliver to the intake.");
		}
		return authentication.getName();
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
