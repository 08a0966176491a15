package org.incidentflow.security.throttle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the login of Tasklist, Cockpit and Admin ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * form fields {@code username}, {@code password}), which checks the password with the engine itself and so never
 * passes Spring Security's authentication. While the user is throttled at the client's address the login is answered
 * 429 without reaching the engine; otherwise Camunda's answer decides: 401 counts as a failed login, any other answer
 * (200, or 403 for a user without access to that webapp) proves the password and clears the user's failures.
 * <p>
 * The form body is read here and handed on unchanged (a login form is a few hundred bytes; more than
 * {@link #BODY_MAX} is refused), so Camunda's resource reads it as if the filter were not there.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

	static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

	static final int BODY_MAX = 16 * 1024;

	private final LoginThrottle throttle;

	WebappLoginThrottle(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(BODY_MAX + 1);
		if (body.length > BODY_MAX) {
			ThrottledLogins.tooLarge(request, response);
			return;
		}
		String user = formField(new String(body, StandardCharsets.ISO_8859_1), "username");
		LoginThrottle.Attempt attempt = throttle.attempt(user, request.getRemoteAddr());
		if (attempt.blocked()) {
			ThrottledLogins.write(request, response, new LoginThrottledException(attempt.retryAfter())
				.retryAfterSeconds());
			return;
		}
		chain.doFilter(new ReplayedBody(request, body), response);
		int status = response.getStatus();
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			throttle.failed(attempt);
		}
		else if (status < 300 || status == HttpServletResponse.SC_FORBIDDEN) {
			throttle.succeeded(attempt);
		}
	}

	/** The first value of a field of an {@code application/x-www-form-urlencoded} body (UTF-8), or null. */
	static String formField(String body, String name) {
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String key = equals < 0 ? pair : pair.substring(0, equals);
			try {
				if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
					return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				}
			}
			catch (IllegalArgumentException malformed) {
				return null;
			}
		}
		return null;
	}

	/** The request with its body read again from memory. */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
					getCharacterEncoding() == null ? StandardCharsets.ISO_8859_1
							: java.nio.charset.Charset.forName(getCharacterEncoding())));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
