package org.incidentflow.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.incidentflow.web.CachedBodyRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-109432: JUEL expressions in nested {@code orQueries} of task queries are evaluated although ad-hoc and
 * stored query expressions are switched off, which allows remote code execution. No legitimate task query of this
 * product carries an expression, so every task query (engine REST API and the webapps' engine API, filters included,
 * since filters store task queries) that contains {@code ${} or {@code #{} anywhere is refused with 400:
 * in the URL-decoded query string, in the raw body and in every JSON string and key after JSON unescaping (so
 * {@code \u0024{} cannot hide one).
 *
 * <p>Only task query endpoints are guarded: deployments (BPMN files are full of expressions) and task completion
 * (variables may legitimately contain such text) pass untouched.
 */
class TaskQueryExpressionGuard extends OncePerRequestFilter {

	/** Task query endpoints below the engine REST API (optionally a named engine) and the webapps' engine API. */
	static final Pattern TASK_QUERY_PATH = Pattern.compile(
			"^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
					+ "/(task|task/count|history/task|history/task/count"
					+ "|filter|filter/[^/]+|filter/[^/]+/(list|count|singleresult))$");

	/** Task query bodies are small; anything bigger is not a task query we need to parse. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !TASK_QUERY_PATH.matcher(RequestPaths.normalized(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (containsExpression(decoded(request.getQueryString()))) {
			refuse(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Task query body too large.");
			return;
		}
		if (bodyContainsExpression(body)) {
			refuse(request, response);
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	static boolean bodyContainsExpression(byte[] body) {
		if (body.length == 0) {
			return false;
		}
		String raw = new String(body, StandardCharsets.UTF_8);
		if (containsExpression(raw) || containsExpression(decoded(raw))) {
			return true;
		}
		try {
			return containsExpression(JSON.readTree(body));
		}
		catch (JsonProcessingException notJson) {
			return false;
		}
		catch (IOException unreadable) {
			return false;
		}
	}

	private static boolean containsExpression(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return containsExpression(node.textValue());
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (containsExpression(field.getKey()) || containsExpression(field.getValue())) {
					return true;
				}
			}
			return false;
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (containsExpression(element)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean containsExpression(String text) {
		return text != null && (text.contains("${") || text.contains("#{"));
	}

	private static String decoded(String text) {
		if (text == null) {
			return null;
		}
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			// a malformed escape is not decoded by the server either; check it as it is
			return text;
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST,
				"Task queries must not contain expressions (${...} or #{...}).");
	}

}
