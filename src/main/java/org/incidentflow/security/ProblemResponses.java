package org.incidentflow.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentflow.web.ServletProblems;
import org.springframework.http.HttpStatus;

/**
 * Writes RFC 9457 problem details from servlet filters, which run before Spring MVC could render them.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ServletProblems.write(request, response, status, detail);
	}

}
