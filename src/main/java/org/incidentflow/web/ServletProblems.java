package org.incidentflow.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Writes RFC 9457 problem details from servlet filters and handlers that run before (or outside) Spring MVC, in the
 * shape {@link ApiProblems} gives them.
 */
public final class ServletProblems {

	/** Spring's builder registers the ProblemDetail mix-in (flat properties, no nulls), as MVC renders them. */
	private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

	private ServletProblems() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		write(request, response, problem(status, null, detail));
	}

	/** A 400 "Invalid request" naming the bad fields or parameters, as for bad input that reached a controller. */
	public static void invalid(HttpServletRequest request, HttpServletResponse response, String detail,
			List<FieldProblem> errors) throws IOException {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ApiProblems.INVALID_REQUEST, detail);
		if (!errors.isEmpty()) {
			problem.setProperty(ApiProblems.ERRORS, errors);
		}
		write(request, response, problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (title != null) {
			problem.setTitle(title);
		}
		return problem;
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		// the raw URI may be what was refused (encoded dots, ';'): it is not echoed as a URI reference then
		try {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		catch (IllegalArgumentException notAUri) {
			problem.setInstance(null);
		}
		if (!response.isCommitted()) {
			response.resetBuffer();
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

}
