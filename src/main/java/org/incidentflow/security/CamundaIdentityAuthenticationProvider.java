package org.incidentflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the Camunda identity service, so the product, the engine REST API and the
 * webapps share one user directory. The principal is the Camunda user id and the authorities are the user's Camunda
 * group ids verbatim (no {@code ROLE_} prefix): {@code hasAuthority("service-desk")}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = credentials == null ? null : credentials.toString();
		// checkPassword also counts failed attempts and honours the engine's login lock (login-max-attempts)
		if (userId == null || userId.isBlank() || password == null || password.isEmpty()
				|| !identityService.checkPassword(userId, password)) {
			throw new BadCredentialsException("Bad credentials");
		}
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groupsOf(userId));
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
