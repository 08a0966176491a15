package org.incidentflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-77226: the Admin webapp's first-run setup endpoint creates an administrator for anyone while
 * {@code camunda-admin} has no direct member. The product always creates its administrator itself, so the endpoint
 * has no legitimate use: it is refused for everyone, however the path is spelled.
 */
class AdminSetupBlock extends OncePerRequestFilter {

	static final String SETUP_PATH = "/camunda/api/admin/setup";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = RequestPaths.normalized(request);
		if (path.equals(SETUP_PATH) || path.startsWith(SETUP_PATH + "/")) {
			ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
					"The Admin setup endpoint is disabled; the administrator is created at start-up.");
			return;
		}
		chain.doFilter(request, response);
	}

}
