package org.incidentflow.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a request that Spring Security's {@code StrictHttpFirewall} refuses ({@code /api//incidents},
 * {@code /api/incidents;x=1}, {@code /api/incidents/%2e%2e/incidents}, ...) with a 400 problem, written here. The
 * default handler sends an error that Spring Boot's error page renders in its own JSON, and for a multipart body
 * (a deployment to {@code /engine-rest//deployment/create}) the error page fails to read the parts: a 500.
 * Spring Security uses the one {@link RequestRejectedHandler} bean of the context for all its filter chains.
 */
@Component
public class FirewallRejections implements RequestRejectedHandler {

	static final String DETAIL = "The request URL or a header is not in canonical form (for example '//', ';', "
			+ "an encoded '.', '/' or '%', or a control character): the product does not guess what was meant.";

	private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException rejection) throws IOException {
		log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejection.getMessage());
		ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, DETAIL);
	}

}
