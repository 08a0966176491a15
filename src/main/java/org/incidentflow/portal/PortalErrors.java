package org.incidentflow.portal;

import org.incidentflow.ui.UiModel;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal in the portal is a page, not the API's JSON problem: "not found" for a missing incident and for one of
 * someone else alike (the same words, the same status), "not allowed" for a step the user may not take.
 */
@ControllerAdvice(assignableTypes = PortalPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortalErrors {

	private final UiModel layout;

	public PortalErrors(UiModel layout) {
		this.layout = layout;
	}

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView refused(ErrorResponseException problem, Authentication authentication) {
		ModelAndView page = new ModelAndView("portal/error");
		page.setStatus(problem.getStatusCode());
		layout.addTo(authentication, page.getModelMap());
		page.addObject("status", problem.getStatusCode().value());
		page.addObject("title", problem.getStatusCode().value() == 404 ? "Incident not found"
				: problem.getBody().getTitle());
		page.addObject("detail", problem.getBody().getDetail());
		return page;
	}

}
