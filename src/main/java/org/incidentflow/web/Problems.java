package org.incidentflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Shortcuts for the problems controllers raise; {@link ApiProblems} renders them. */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException of(HttpStatus status, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle(title);
		return new ErrorResponseException(status, body, null);
	}

	public static ErrorResponseException notFound(String title, String detail) {
		return of(HttpStatus.NOT_FOUND, title, detail);
	}

	public static ErrorResponseException forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	public static ErrorResponseException conflict(String title, String detail) {
		return of(HttpStatus.CONFLICT, title, detail);
	}

}
