package org.incidentflow.web;

import java.util.List;

/**
 * Bad input found by code rather than by bean validation (query parameters, rules across fields); rendered like a
 * bean validation failure: status 400, title "Invalid request", one entry per bad field.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidRequestException(List<FieldProblem> errors) {
		super(errors.toString());
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> errors() {
		return errors;
	}

}
