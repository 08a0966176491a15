package org.incidentflow.web;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses query parameters the endpoint does not know ({@code ?bogus=1}, a misspelt or unsupported filter): a client
 * that filters by something the API ignores would otherwise get every incident and believe it got a filtered list.
 * The known names are the handler method's {@code @RequestParam}s; a handler that takes arbitrary parameters (a
 * {@code Map} or a {@code @ModelAttribute}) is not checked. A value containing U+0000 is refused too, whatever the
 * endpoint: no column can be compared with it on PostgreSQL.
 */
public class KnownQueryParameters implements HandlerInterceptor {

	private static final String PRODUCT_PACKAGE = "org.incidentflow.";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)
				|| !method.getBeanType().getName().startsWith(PRODUCT_PACKAGE)) {
			return true;
		}
		Set<String> given = queryParameterNames(request.getQueryString());
		if (given.isEmpty()) {
			return true;
		}
		List<FieldProblem> nul = new ArrayList<>();
		request.getParameterMap().forEach((name, values) -> {
			if (given.contains(name) && java.util.Arrays.stream(values).anyMatch(v -> v.indexOf('\u0000') >= 0)) {
				nul.add(new FieldProblem(name, StrictJson.NulCharacterException.MESSAGE));
			}
		});
		if (!nul.isEmpty()) {
			throw new InvalidRequestException(nul);
		}
		Set<String> known = known(method);
		if (known == null) {
			return true;
		}
		List<FieldProblem> errors = new ArrayList<>();
		for (String name : given) {
			if (!known.contains(name)) {
				errors.add(new FieldProblem(name, known.isEmpty() ? "unknown query parameter; this endpoint takes none"
						: "unknown query parameter; known: " + String.join(", ", known)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return true;
	}

	/** The parameter names of the handler, sorted; null when the handler accepts any. */
	static Set<String> known(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
				return null;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			if (Map.class.isAssignableFrom(parameter.getParameterType())) {
				return null;
			}
			String name = !param.name().isEmpty() ? param.name() : parameterName(parameter);
			names.add(name);
		}
		return names;
	}

	private static String parameterName(MethodParameter parameter) {
		Parameter reflected = parameter.getParameter();
		return reflected.getName();
	}

	static Set<String> queryParameterNames(String query) {
		if (query == null || query.isEmpty()) {
			return Set.of();
		}
		Set<String> names = new TreeSet<>();
		try {
			UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet()
				.forEach(name -> names.add(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException malformed) {
			throw new InvalidRequestException(null, "the query string is not valid URL encoding");
		}
		return names;
	}

}
