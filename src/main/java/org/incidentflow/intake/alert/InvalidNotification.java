package org.incidentflow.intake.alert;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A notification the intake cannot use. Answered with 400 (never 5xx: monitoring systems retry 5xx for ever) as a
 * problem detail whose {@code field} names the offending JSON path, for example {@code alerts[0].fingerprint}.
 */
public class InvalidNotification extends ErrorResponseException {

	public static final URI TYPE = URI.create("urn:incidentflow:problem:invalid-alert-notification");

	public InvalidNotification(String field, String detail) {
		super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
	}

	private static ProblemDetail problem(String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(TYPE);
		problem.setTitle("Invalid alert notification");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
