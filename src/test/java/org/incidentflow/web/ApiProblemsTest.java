package org.incidentflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.ServletWebRequest;

class ApiProblemsTest {

	private final ApiProblems problems = new ApiProblems();

	@Test
	void unexpectedErrorsAre500ProblemsWithoutDetails() {
		ResponseEntity<Object> response = problems.unexpected(
				new IllegalStateException("password=hunter2 at org.incidentflow.Secret"),
				new ServletWebRequest(new MockHttpServletRequest("GET", "/api/incidents")));

		assertThat(response.getStatusCode().value()).isEqualTo(500);
		ProblemDetail body = (ProblemDetail) response.getBody();
		assertThat(body.getTitle()).isEqualTo("Internal error");
		assertThat(body.getDetail()).doesNotContain("hunter2", "org.incidentflow");
		assertThat(body.getProperties()).isNull();
	}

	@Test
	void securityExceptionsAreLeftToSpringSecurity() {
		AccessDeniedException denied = new AccessDeniedException("no");
		assertThatThrownBy(() -> problems.security(denied)).isSameAs(denied);
	}

	@Test
	void invalidRequestsListTheirFields() {
		ResponseEntity<Object> response = problems.invalidRequest(new InvalidRequestException("sort", "cannot sort by 'x'"),
				new ServletWebRequest(new MockHttpServletRequest()));

		ProblemDetail body = (ProblemDetail) response.getBody();
		assertThat(body.getStatus()).isEqualTo(400);
		assertThat(body.getTitle()).isEqualTo(ApiProblems.INVALID_REQUEST);
		assertThat(body.getProperties()).containsEntry(ApiProblems.ERRORS,
				java.util.List.of(new FieldProblem("sort", "cannot sort by 'x'")));
	}

}
