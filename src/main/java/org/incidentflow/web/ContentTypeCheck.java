package org.incidentflow.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} is no concrete media type ({@code application/*}, {@code * / *},
 * unparsable) with 415 before anything reads the body. Spring's message converters would otherwise fail with an
 * unchecked exception on such a header (a 500) wherever a body is read without a {@code consumes} restriction, such as
 * the monitoring webhooks.
 */
public class ContentTypeCheck extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getContentType();
		if (header != null && !header.isBlank()) {
			String problem = null;
			try {
				MediaType type = MediaType.parseMediaType(header);
				if (type.isWildcardType() || type.isWildcardSubtype()) {
					problem = "Content-Type '" + type + "' is a pattern, not a media type; send application/json.";
				}
			}
			catch (InvalidMediaTypeException unparsable) {
				problem = "Content-Type is not a valid media type; send application/json.";
			}
			if (problem != null) {
				ServletProblems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
