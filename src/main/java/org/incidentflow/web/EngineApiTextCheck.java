package org.incidentflow.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses U+0000 in what the engine REST API and the webapps' engine API would store or query with: query parameters
 * and the strings (keys and values) of JSON bodies. PostgreSQL cannot hold the character in a text column, so a
 * variable {@code "a\u0000b"} reached the database and came back as a 500 naming the SQL error; H2 stored it, which
 * made the same request behave differently per database. Here it is a 400 problem naming the JSON path or parameter,
 * before the engine opens a transaction, so nothing is stored.
 *
 * <p>Bodies are read with Jackson's streaming parser (its nesting and length limits apply); a body that is no valid
 * JSON is passed on untouched, for the engine to refuse in its own words. Multipart deployments and file variables
 * are not JSON and pass too: their content is stored as bytes.
 */
public class EngineApiTextCheck extends OncePerRequestFilter {

	/** Engine REST bodies are variables and queries; larger ones are not read here (the engine still limits them). */
	static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

	private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final JsonFactory JSON = new JsonFactory();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<FieldProblem> problems = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : queryParameters(request).entrySet()) {
			boolean nul = parameter.getKey().indexOf('\u0000') >= 0;
			for (String value : parameter.getValue()) {
				nul |= value.indexOf('\u0000') >= 0;
			}
			if (nul) {
				problems.add(new FieldProblem(parameter.getKey().replace("\u0000", "\\u0000"), StrictJson.NulCharacterException.MESSAGE));
			}
		}
		if (!problems.isEmpty()) {
			ServletProblems.invalid(request, response, "Query parameters must not contain U+0000.", problems);
			return;
		}
		if (!WITH_BODY.contains(request.getMethod()) || !isJson(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			ServletProblems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
					"JSON bodies of the engine API are limited to " + MAX_BODY_BYTES / (1024 * 1024) + " MB.");
			return;
		}
		String path = firstNul(body);
		if (path != null) {
			ServletProblems.invalid(request, response, "Text must not contain U+0000.",
					List.of(new FieldProblem(path, StrictJson.NulCharacterException.MESSAGE)));
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	/**
	 * The query string's parameters, decoded here rather than through {@code getParameterMap}: that would also parse
	 * a form or multipart body (a deployment) before the engine reads it.
	 */
	static Map<String, String[]> queryParameters(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return Map.of();
		}
		Map<String, String[]> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
			parameters.merge(name, new String[] { value }, (a, b) -> {
				String[] both = Arrays.copyOf(a, a.length + b.length);
				System.arraycopy(b, 0, both, a.length, b.length);
				return both;
			});
		}
		return parameters;
	}

	/** A malformed escape is not decoded by the engine's server either: it is checked as it is. */
	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			return text;
		}
	}

	static boolean isJson(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException unparsable) {
			return false;
		}
	}

	/** The JSON path ({@code variables.note.value}) of the first key or string holding U+0000, else null. */
	static String firstNul(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try (JsonParser parser = JSON.createParser(body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
						&& parser.getText().indexOf('\u0000') >= 0) {
					return path(parser);
				}
			}
			return null;
		}
		catch (StreamConstraintsException tooDeepOrLong) {
			return null;
		}
		catch (IOException notJson) {
			return null;
		}
	}

	private static String path(JsonParser parser) {
		String pointer = parser.getParsingContext().pathAsPointer().toString();
		String dotted = pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
		return dotted.isEmpty() ? "(body)" : dotted.replace("\u0000", "\\u0000");
	}

}
