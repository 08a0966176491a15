package org.incidentflow.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses U+0000 in the fields of the product's own pages (the portal's and the sign-in form's query and form
 * parameters): PostgreSQL cannot store the character in a text column, so a description holding it reached the
 * database and failed there with a 500, while H2 stored it. A 400 problem naming the field, before any transaction.
 * The JSON doors have their own checks ({@link StrictJson}, {@link EngineApiTextCheck}).
 */
public class FormTextCheck extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<FieldProblem> problems = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			boolean nul = parameter.getKey().indexOf('\u0000') >= 0;
			for (String value : parameter.getValue()) {
				nul |= value.indexOf('\u0000') >= 0;
			}
			if (nul) {
				problems.add(new FieldProblem(parameter.getKey().replace("\u0000", "\\u0000"),
						StrictJson.NulCharacterException.MESSAGE));
			}
		}
		if (!problems.isEmpty()) {
			ServletProblems.invalid(request, response, "The form contains a character that cannot be stored.",
					problems);
			return;
		}
		chain.doFilter(request, response);
	}

}
