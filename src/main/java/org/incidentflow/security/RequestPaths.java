package org.incidentflow.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriUtils;

/**
 * The path a JAX-RS resource would see, for guards that must not be bypassed by spelling the same path differently:
 * percent-decoded (Jersey decodes {@code %74ask} to {@code task}), matrix parameters and repeated slashes removed,
 * lower case, no trailing slash.
 */
final class RequestPaths {

	private RequestPaths() {
	}

	static String normalized(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String decoded;
		try {
			decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			decoded = path;
		}
		String normalized = decoded.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
		while (normalized.length() > 1 && normalized.endsWith("/")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		return normalized;
	}

}
