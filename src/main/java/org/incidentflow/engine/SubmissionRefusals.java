package org.incidentflow.engine;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.incidentflow.process.InvalidSubmissionException;

/**
 * A form submission the product's own validation refuses (a required reason missing, no further support level, no
 * caller on the start form) is the user's mistake: on the engine REST API ({@code /engine-rest}) and on the webapps'
 * engine API (what Tasklist calls) it answers 400 with the plain sentence, in Camunda's error format
 * ({@code {"type":"InvalidSubmissionException","message":"Reason is required."}}), which Tasklist shows as it is.
 * <p>
 * Without this, Camunda's resources catch the refusal as any engine failure: the engine wraps an exception of a task
 * listener into {@code ENGINE-03051 ... Exception while invoking TaskListener: ...} and the resource answers 500. The
 * mappers here find the refusal in the cause chain and take precedence over Camunda's mappers of the same exception
 * types (higher priority); every other exception is left to Camunda's mappers.
 * <p>
 * Registered in every Jersey server application of the product (the engine REST API and the webapps' APIs) through
 * Jersey's auto-discovery ({@code META-INF/services}), since the webapps' applications are created by class name.
 */
public final class SubmissionRefusals implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
				&& !context.getConfiguration().isRegistered(RestRefusal.class)) {
			context.register(RestRefusal.class);
			context.register(EngineRefusal.class);
		}
	}

	static Response badRequest(InvalidSubmissionException refusal) {
		ExceptionDto body = new ExceptionDto();
		body.setType(InvalidSubmissionException.class.getSimpleName());
		body.setMessage(refusal.getMessage());
		body.setCode(refusal.getCode());
		return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	static Optional<InvalidSubmissionException> refusal(Throwable failure) {
		return InvalidSubmissionException.in(failure);
	}

	/** What Camunda's resources throw after catching the engine's exception ({@code Cannot complete task ...}). */
	@Priority(1000)
	public static final class RestRefusal implements ExtendedExceptionMapper<RestException> {

		@Override
		public boolean isMappable(RestException exception) {
			return refusal(exception).isPresent();
		}

		@Override
		public Response toResponse(RestException exception) {
			return badRequest(refusal(exception).orElseThrow());
		}

	}

	/** The engine's exception itself, where a resource lets it through. */
	@Priority(1000)
	public static final class EngineRefusal implements ExtendedExceptionMapper<ProcessEngineException> {

		@Override
		public boolean isMappable(ProcessEngineException exception) {
			return refusal(exception).isPresent();
		}

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return badRequest(refusal(exception).orElseThrow());
		}

	}

}
