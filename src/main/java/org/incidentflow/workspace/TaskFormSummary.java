package org.incidentflow.workspace;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.Viewer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds the incident's summary ({@link IncidentBrief}) to the form variables of a task, as Tasklist loads them
 * ({@code GET /camunda/api/engine/engine/default/task/{id}/form-variables}, and the same on {@code /engine-rest}), so
 * every task form shows the record as it is when the form is opened, not a copy taken when the task was created.
 * Nothing is stored: the summary is no process variable, and it is not submitted back (a text view has no key).
 * <p>
 * Only a successful answer is extended: Camunda has already checked that the user may read the task's variables,
 * so the summary adds nothing the user could not read there. The task is then looked up without the user's
 * authorisation (the check has been done), to find its incident.
 */
public class TaskFormSummary extends OncePerRequestFilter {

	static final Pattern FORM_VARIABLES = Pattern
		.compile("^(?:/camunda/api/engine/engine/(?<engine>[^/]+)|/engine-rest)/task/(?<task>[^/]+)/form-variables/?$");

	private final TaskService taskService;
	private final RuntimeService runtimeService;
	private final IdentityService identityService;
	private final IncidentBrief brief;
	private final ObjectMapper json;

	public TaskFormSummary(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
			IncidentBrief brief, ObjectMapper json) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.brief = brief;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || taskId(request) == null || !wanted(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, buffered);
		if (buffered.getStatus() == HttpServletResponse.SC_OK) {
			Optional<String> summary = summary(taskId(request), viewer(request));
			if (summary.isPresent()) {
				JsonNode body = json.readTree(buffered.getContentAsByteArray());
				if (body instanceof ObjectNode variables && !variables.has(IncidentBrief.VARIABLE)) {
					ObjectNode value = variables.putObject(IncidentBrief.VARIABLE);
					value.put("type", "String");
					value.put("value", summary.get());
					value.putObject("valueInfo");
					buffered.resetBuffer();
					buffered.getOutputStream().write(json.writeValueAsBytes(variables));
				}
			}
		}
		buffered.copyBodyToResponse();
	}

	Optional<String> summary(String taskId, Viewer viewer) {
		Authentication user = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
			if (task == null || task.getProcessInstanceId() == null) {
				return Optional.empty();
			}
			ProcessInstance instance = runtimeService.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId()).singleResult();
			IncidentBrief.Audience audience = Tasks.CONFIRM_RESOLUTION.equals(task.getTaskDefinitionKey())
					? IncidentBrief.Audience.CALLER : IncidentBrief.Audience.AGENT;
			return instance == null ? Optional.empty() : brief.of(instance.getBusinessKey(), audience, viewer);
		}
		finally {
			if (user != null) {
				identityService.setAuthentication(user);
			}
		}
	}

	static String taskId(HttpServletRequest request) {
		Matcher matcher = matcher(request);
		return matcher.matches() ? matcher.group("task") : null;
	}

	/**
	 * Who opens the form: on {@code /engine-rest} Spring Security signed the caller in (HTTP Basic); Tasklist keeps its
	 * own sign-in in the session, per engine. The summary's counts are of incidents this user may see.
	 */
	static Viewer viewer(HttpServletRequest request) {
		Matcher matcher = matcher(request);
		String engine = matcher.matches() ? matcher.group("engine") : null;
		if (engine == null) {
			return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
		}
		HttpSession session = request.getSession(false);
		Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
		if (signedIn != null && signedIn.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user) {
			return new Viewer(user.getName(), user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds()));
		}
		return new Viewer("anonymous", Set.of());
	}

	private static Matcher matcher(HttpServletRequest request) {
		return FORM_VARIABLES.matcher(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** A caller that names the variables it wants gets only those (Tasklist's embedded forms do). */
	private static boolean wanted(HttpServletRequest request) {
		String names = request.getParameter("variableNames");
		return names == null || Arrays.asList(names.split(",")).contains(IncidentBrief.VARIABLE);
	}

}
