package org.incidentflow.security.throttle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Throttles the password check of a password change ({@code PUT …/user/{id}/credentials} on {@code /engine-rest}
 * and on the webapps' engine API), which verifies {@code authenticatedUserPassword} against the signed-in user's
 * password. Without this, whoever holds a session (a browser left open, a stolen cookie) could try passwords of
 * its user as fast as the server answers, and learn the password that also signs in elsewhere.
 * <p>
 * The count is kept apart from the sign-in's ({@code password-change:} before the user id, which no Camunda user id
 * can contain), because every request of the session signs in successfully and would clear it. Camunda answers a
 * wrong current password with a 400 naming it; that counts as a failure, a 204 as a success; other refusals (a
 * password the policy refuses) count as neither.
 */
class PasswordChangeThrottle extends OncePerRequestFilter {

	static final Pattern CREDENTIALS = Pattern.compile(
			"(?:/engine-rest(?:/engine/([^/]+))?|/camunda/api/engine/engine/([^/]+))/user/[^/]+/credentials/?");

	/** Camunda's sentence for a wrong current password (UserResourceImpl, 7.24). */
	static final String WRONG_CURRENT_PASSWORD = "authenticated user password is not valid";

	private final LoginThrottle throttle;

	PasswordChangeThrottle(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"PUT".equals(request.getMethod()) || !CREDENTIALS.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher path = CREDENTIALS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		path.matches();
		String user = signedInUser(request, path.group(2));
		if (user == null) {
			// not signed in: the request is refused further on, and there is no password to guess
			chain.doFilter(request, response);
			return;
		}
		LoginThrottle.Attempt attempt = throttle.attempt("password-change:" + user, request.getRemoteAddr());
		if (attempt.blocked()) {
			ThrottledLogins.write(request, response, new LoginThrottledException(attempt.retryAfter())
				.retryAfterSeconds());
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, answer);
			int status = answer.getStatus();
			if (status == HttpServletResponse.SC_BAD_REQUEST && new String(answer.getContentAsByteArray(),
					StandardCharsets.UTF_8).contains(WRONG_CURRENT_PASSWORD)) {
				throttle.failed(attempt);
			}
			else if (status < 300) {
				throttle.succeeded(attempt);
			}
		}
		finally {
			answer.copyBodyToResponse();
		}
	}

	/**
	 * On {@code /engine-rest} Spring Security has signed the caller in (HTTP Basic); the webapps keep their own
	 * sign-in in the session, per engine.
	 */
	private static String signedInUser(HttpServletRequest request, String webappEngine) {
		if (webappEngine == null) {
			Principal principal = request.getUserPrincipal();
			return principal == null ? null : principal.getName();
		}
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		Authentication signedIn = authentications == null ? null
				: authentications.getAuthenticationForProcessEngine(webappEngine);
		return signedIn == null ? null : signedIn.getName();
	}

}
