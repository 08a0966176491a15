package org.incidentflow.web;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses query parameters the endpoint does not know ({@code ?bogus=1}, a misspelt or unsupported filter): a client
 * that filters by something the API ignores would otherwise get every incident and believe it got a filtered list.
 * The known names are what Spring would bind: the handler method's {@code @RequestParam}s, its unannotated simple
 * parameters, the properties of a command object ({@code @ModelAttribute} or unannotated, a record's components) and
 * {@code page}, {@code size}, {@code sort} for a {@code Pageable}; a handler that takes arbitrary parameters (a
 * {@code Map}) is not checked. A value containing U+0000 is refused too, whatever the
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
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
				if (!addProperties(type, names)) {
					return null;
				}
				continue;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				if (Map.class.isAssignableFrom(type) || MultiValueMap.class.isAssignableFrom(type)) {
					return null;
				}
				names.add(!param.name().isEmpty() ? param.name() : parameterName(parameter));
				continue;
			}
			if (parameter.getParameterAnnotations().length > 0 || isFrameworkArgument(type)) {
				// @PathVariable, @RequestBody, @RequestHeader, ...; the request, the user, ...
				continue;
			}
			// no annotation: Spring binds a simple type as a query parameter of that name, anything else as a
			// command object from the parameters named like its properties
			if (BeanUtils.isSimpleProperty(type)) {
				names.add(parameterName(parameter));
			}
			else if (type.getName().equals("org.springframework.data.domain.Pageable")) {
				names.addAll(List.of("page", "size", "sort"));
			}
			else if (!addProperties(type, names)) {
				return null;
			}
		}
		return names;
	}

	/** The bindable properties of a command object; false when it takes anything (a map). */
	private static boolean addProperties(Class<?> type, Set<String> names) {
		if (Map.class.isAssignableFrom(type)) {
			return false;
		}
		if (type.isRecord()) {
			for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
				names.add(component.getName());
			}
			return true;
		}
		for (java.beans.PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null) {
				names.add(property.getName());
			}
		}
		return true;
	}

	private static boolean isFrameworkArgument(Class<?> type) {
		return jakarta.servlet.ServletRequest.class.isAssignableFrom(type)
				|| jakarta.servlet.ServletResponse.class.isAssignableFrom(type)
				|| jakarta.servlet.http.HttpSession.class.isAssignableFrom(type)
				|| java.security.Principal.class.isAssignableFrom(type)
				|| org.springframework.web.context.request.WebRequest.class.isAssignableFrom(type)
				|| java.io.InputStream.class.isAssignableFrom(type) || java.io.Reader.class.isAssignableFrom(type)
				|| java.io.OutputStream.class.isAssignableFrom(type) || java.io.Writer.class.isAssignableFrom(type)
				|| java.util.Locale.class.isAssignableFrom(type) || java.util.TimeZone.class.isAssignableFrom(type)
				|| java.time.ZoneId.class.isAssignableFrom(type)
				|| org.springframework.ui.Model.class.isAssignableFrom(type)
				|| org.springframework.validation.Errors.class.isAssignableFrom(type)
				|| org.springframework.web.util.UriComponentsBuilder.class.isAssignableFrom(type)
				|| org.springframework.http.HttpEntity.class.isAssignableFrom(type)
				|| org.springframework.http.HttpMethod.class.isAssignableFrom(type);
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
