package org.incidentflow.ui;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What every page's layout shows: the signed-in user's name and the navigation for their groups. */
@ControllerAdvice(annotations = UiPage.class)
public class UiModel {

	private final IdentityService identityService;

	public UiModel(IdentityService identityService) {
		this.identityService = identityService;
	}

	@ModelAttribute
	void layout(Authentication authentication, Model model) {
		addTo(authentication, model.asMap());
	}

	/** The same for a model built by hand (an exception handler's page). */
	public void addTo(Authentication authentication, java.util.Map<String, Object> model) {
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getPrincipal())) {
			model.put("navigation", List.of());
			return;
		}
		List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		model.put("navigation", Navigation.linksFor(groups));
		model.put("userName", displayName(authentication.getName()));
	}

	private String displayName(String userId) {
		User user = identityService.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name.isEmpty() ? userId : name;
	}

}
