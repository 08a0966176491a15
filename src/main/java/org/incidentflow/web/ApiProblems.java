package org.incidentflow.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error of the product's HTTP API into an RFC 9457 problem: bad input is a 400 titled "Invalid request"
 * whose {@code errors} property names each bad field; Spring MVC's own errors (404, 405, 415, ...) keep their status;
 * anything unexpected is a 500 without details (logged here). Never a stack trace.
 * <p>
 * Global on purpose: errors raised before a controller is chosen (405, 415, no such path) reach only global advice.
 * Lowest precedence, so a feature's own, narrower advice wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

	public static final String INVALID_REQUEST = "Invalid request";
	public static final String ERRORS = "errors";

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** Jackson's message for a property given twice (STRICT_DUPLICATE_DETECTION, {@link StrictJson}). */
	private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
		return invalid(ex, "One or more values are invalid.", ex.errors(), request);
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class,
			org.camunda.bpm.engine.OptimisticLockingException.class })
	ResponseEntity<Object> concurrentChange(Exception ex, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The incident was changed at the same time by someone else; retry.");
		body.setTitle("Concurrent change");
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	/** A message the process does not wait for in its current step: the request conflicts with the incident's state. */
	@ExceptionHandler(org.camunda.bpm.engine.MismatchingMessageCorrelationException.class)
	ResponseEntity<Object> notWaiting(Exception ex, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The incident's process does not accept this in its current step.");
		body.setTitle("Not possible now");
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	/**
	 * A body announced as multipart that cannot be parsed (no boundary, truncated): the client's fault. Spring parses
	 * multipart bodies before any handler is chosen, so this reaches only global advice.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> unreadableMultipart(MultipartException ex, WebRequest request) {
		return invalid(ex, "The request body is announced as multipart but cannot be read as such; the API takes "
				+ "JSON (Content-Type: application/json).", List.of(), request);
	}

	/** Leaves authentication and authorization failures to Spring Security (401 challenge, 403). */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error answering {}", request.getDescription(false), ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be processed. It has been logged.");
		body.setTitle("Internal error");
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
		return invalid(ex, "One or more fields are invalid.", errors, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream()
				.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.collect(Collectors.toList());
		return invalid(ex, "One or more parameters are invalid.", errors, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex.getPropertyName();
		String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
		return invalid(ex, "One or more parameters are invalid.",
				List.of(new FieldProblem(field, "must be of type " + expected.toLowerCase())), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof StrictJson.NulCharacterException nul) {
			return invalid(ex, "One or more fields contain a character that cannot be stored.",
					List.of(new FieldProblem(path(nul), StrictJson.NulCharacterException.MESSAGE)), request);
		}
		if (cause instanceof JsonParseException parse) {
			Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(parse.getOriginalMessage()));
			if (duplicate.matches()) {
				return invalid(ex, "A property is given more than once.",
						List.of(new FieldProblem(duplicate.group(1), "appears more than once")), request);
			}
			return invalid(ex, "Malformed JSON: " + parse.getOriginalMessage() + JsonErrors.where(parse), List.of(), request);
		}
		if (cause instanceof StreamConstraintsException limit) {
			return invalid(ex, JsonErrors.describe(limit), List.of(), request);
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return invalid(ex, "One or more fields have the wrong type.",
					List.of(new FieldProblem(path(mismatch), "must be " + describe(mismatch.getTargetType()))), request);
		}
		if (cause instanceof MismatchedInputException) {
			return invalid(ex, "The request body must be a JSON object.", List.of(), request);
		}
		return invalid(ex, "The request body is missing or is not readable JSON.", List.of(), request);
	}

	private ResponseEntity<Object> invalid(Exception ex, String detail, List<FieldProblem> errors, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		body.setTitle(INVALID_REQUEST);
		if (!errors.isEmpty()) {
			body.setProperty(ERRORS, errors);
		}
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : ex.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describe(@Nullable Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type.isEnum()) {
			return "one of: " + EnumCodeValidator.allowed((Enum<?>[]) type.getEnumConstants());
		}
		return "a JSON " + (java.util.Collection.class.isAssignableFrom(type) ? "array" : "object");
	}

}
