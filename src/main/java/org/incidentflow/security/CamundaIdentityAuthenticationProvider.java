package org.incidentflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.incidentflow.security.throttle.LoginThrottle;
import org.incidentflow.security.throttle.LoginThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the Camunda identity service, so the product, the engine REST API and the
 * webapps share one user directory. The principal is the Camunda user id and the authorities are the user's Camunda
 * group ids verbatim (no {@code ROLE_} prefix): {@code hasAuthority("service-desk")}.
 * <p>
 * Serves HTTP Basic and the form login of the product's pages. Failed logins are throttled per client address and
 * user ({@link LoginThrottle}): while throttled, the password is not checked and the login fails with
 * {@link LoginThrottledException} (answered 429). The engine's own account lock is switched off in
 * {@code application.yaml} ({@code login-delay-base: 0}), so nobody can lock another user's account.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;
	private final LoginThrottle throttle;

	public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = credentials == null ? null : credentials.toString();
		LoginThrottle.Attempt attempt = throttle.attempt(userId, clientAddress(authentication));
		if (attempt.blocked()) {
			throw new LoginThrottledException(attempt.retryAfter());
		}
		if (userId == null || userId.isBlank() || password == null || password.isEmpty()
				|| !identityService.checkPassword(userId, password)) {
			throttle.failed(attempt);
			throw new BadCredentialsException("Bad credentials");
		}
		throttle.succeeded(attempt);
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groupsOf(userId));
	}

	/** The address Spring Security saw (the proxy's, unless server.forward-headers-strategy is set). */
	private static String clientAddress(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

	private List<GrantedAuthority> groupsOf(String userId) {
		return identityService.createGroupQuery().groupMember(userId).list().stream()
				.map(Group::getId)
				.map(SimpleGrantedAuthority::new)
				.map(GrantedAuthority.class::cast)
				.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
