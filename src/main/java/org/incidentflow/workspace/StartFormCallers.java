package org.incidentflow.workspace;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Fills the caller list of the report-incident start form with the known users, as Tasklist loads the form
 * ({@code GET …/process-definition/{id}/deployed-start-form}). Tasklist 7.24 loads no variables for a start form, so
 * a select cannot take its options from a variable there; the form is completed here instead, in the answer only
 * (the deployed form keeps its one option for a caller without an account).
 * <p>
 * Only a successful answer (the user may read the process definition) is extended. The list holds name, user id and
 * e-mail address, which the searchable select matches as the agent types.
 */
public class StartFormCallers extends OncePerRequestFilter {

	static final Pattern START_FORM = Pattern.compile(
			"^(?:/camunda/api/engine/engine/[^/]+|/engine-rest)/process-definition/(?:key/[^/]+|[^/]+)/deployed-start-form/?$");
	static final String FORM_ID = "report-incident-form";
	static final String FIELD = "caller";
	/** A directory larger than this is searched by e-mail address (the form's "not in the directory" entry). */
	static final int MAX_USERS = 2000;

	private final IdentityService identityService;
	private final ObjectMapper json;

	public StartFormCallers(IdentityService identityService, ObjectMapper json) {
		this.identityService = identityService;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod())
				|| !START_FORM.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, buffered);
		if (buffered.getStatus() == HttpServletResponse.SC_OK) {
			JsonNode form = json.readTree(buffered.getContentAsByteArray());
			if (form instanceof ObjectNode schema && FORM_ID.equals(schema.path("id").asText())
					&& fill(schema.path("components"), users())) {
				buffered.resetBuffer();
				buffered.getOutputStream().write(json.writeValueAsBytes(schema));
			}
		}
		buffered.copyBodyToResponse();
	}

	/** Puts the users ahead of the form's own options of the caller field; false if the form has no such field. */
	static boolean fill(JsonNode components, List<User> users) {
		for (JsonNode component : components) {
			if (FIELD.equals(component.path("key").asText()) && component.path("values") instanceof ArrayNode values) {
				ArrayNode filled = values.arrayNode();
				for (User user : users) {
					filled.addObject().put("label", label(user)).put("value", user.getId());
				}
				filled.addAll(values);
				((ObjectNode) component).set("values", filled);
				return true;
			}
			if (fill(component.path("components"), users)) {
				return true;
			}
		}
		return false;
	}

	static String label(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		StringBuilder label = new StringBuilder(name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")");
		if (user.getEmail() != null && !user.getEmail().isBlank()) {
			label.append(" · ").append(user.getEmail());
		}
		return label.toString();
	}

	private List<User> users() {
		Authentication current = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return identityService.createUserQuery().orderByUserLastName().asc().orderByUserFirstName().asc()
				.listPage(0, MAX_USERS);
		}
		finally {
			if (current != null) {
				identityService.setAuthentication(current);
			}
		}
	}

}
