package org.incidentflow.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the engine act as the authenticated user for one engine REST request, so Camunda's authorizations apply
 * (a requester cannot deploy, an agent sees the tasks of their groups). The engine's authentication is thread-bound:
 * it is cleared after the request, whatever happens.
 *
 * <p>Deliberately not a Spring bean: as a bean, Spring Boot would also register it for every path.
 */
class EngineAuthenticationBridge extends OncePerRequestFilter {

	private final IdentityService identityService;

	EngineAuthenticationBridge(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/engine-rest");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		List<String> groupIds = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		List<String> tenantIds = identityService.createTenantQuery().userMember(user.getName())
				.includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
		identityService.setAuthentication(user.getName(), groupIds, tenantIds);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
