package org.incidentflow.security.token;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.incidentflow.web.ServletProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on {@code /api} and {@code /engine-rest} (RFC 6750). A token that is unknown
 * or revoked is refused with 401 {@code invalid_token}: nothing is counted or locked, the token is 256 random bits
 * and cannot be guessed. A valid token outside its scope (any path but its intake endpoints) is refused with 403
 * {@code insufficient_scope}. Requests without a Bearer header pass on to HTTP Basic.
 * <p>
 * Deliberately not a Spring bean: as a bean, Spring Boot would also register it for every path.
 */
public class IntegrationTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final IntegrationTokens tokens;
	private final String realm;

	public IntegrationTokenFilter(IntegrationTokens tokens, String realm) {
		this.tokens = tokens;
		this.realm = realm;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<IntegrationToken> token = tokens.authenticate(header.substring(BEARER.length()).trim());
		if (token.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\", error=\"invalid_token\"");
			ServletProblems.write(request, response, HttpStatus.UNAUTHORIZED,
					"The integration token is not valid (unknown or revoked).");
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!token.get().scope().covers(path)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm
					+ "\", error=\"insufficient_scope\", scope=\"" + token.get().scope().code() + "\"");
			ServletProblems.write(request, response, HttpStatus.FORBIDDEN,
					"An integration token opens only the intake endpoints of its scope ("
							+ token.get().scope().code() + ").");
			return;
		}
		SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		context.setAuthentication(new IntegrationTokenAuthentication(token.get()));
		SecurityContextHolder.getContextHolderStrategy().setContext(context);
		chain.doFilter(request, response);
	}

}
