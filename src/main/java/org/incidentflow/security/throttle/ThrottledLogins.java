package org.incidentflow.security.throttle;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jakarta.servlet.DispatcherType;

import org.incidentflow.web.ServletProblems;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** How a throttled login is answered: {@code 429 Too Many Requests} with {@code Retry-After} (whole seconds). */
public final class ThrottledLogins {

	/** Request attribute with the seconds to wait, for the login page rendered after a throttled form login. */
	public static final String RETRY_AFTER_ATTRIBUTE = ThrottledLogins.class.getName() + ".retryAfter";

	static final String DETAIL = "Too many failed logins for this user from your address. Try again in %s seconds.";

	private ThrottledLogins() {
	}

	/**
	 * Answers a throttled API login (HTTP Basic) with a 429 problem; returns false for any other failure, which the
	 * caller answers as before (401).
	 */
	public static boolean answered(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (!(exception instanceof LoginThrottledException throttled)) {
			return false;
		}
		write(request, response, throttled.retryAfterSeconds());
		return true;
	}

	static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ServletProblems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "A login form is at most 16 KB.");
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String seconds) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
		ServletProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, DETAIL.formatted(seconds));
	}

	/**
	 * Makes the form login filter process only the browser's own POST, not the forward of a throttled login to the
	 * login page (Spring Security filters forwards too, which would throttle the forward again, endlessly).
	 */
	public static ObjectPostProcessor<UsernamePasswordAuthenticationFilter> onlyDirectPosts(String loginPage) {
		RequestMatcher post = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPage);
		return new ObjectPostProcessor<>() {
			@Override
			public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
				filter.setRequiresAuthenticationRequestMatcher(
						request -> request.getDispatcherType() == DispatcherType.REQUEST && post.matches(request));
				return filter;
			}
		};
	}

	/**
	 * Form login: a wrong password goes back to {@code loginPage?error} as before; a throttled login renders the login
	 * page again (forwarded, so its form keeps the CSRF token) with status 429, {@code Retry-After} and the time to
	 * wait.
	 */
	public static AuthenticationFailureHandler formLogin(String loginPage) {
		SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler(
				loginPage + "?error");
		return (request, response, exception) -> {
			if (exception instanceof LoginThrottledException throttled) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds());
				request.setAttribute(RETRY_AFTER_ATTRIBUTE, throttled.retryAfterSeconds());
				try {
					request.getRequestDispatcher(loginPage).forward(request, response);
				}
				catch (ServletException e) {
					throw new IOException(e);
				}
				return;
			}
			wrongPassword.onAuthenticationFailure(request, response, exception);
		};
	}

}
