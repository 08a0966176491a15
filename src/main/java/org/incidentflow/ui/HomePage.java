package org.incidentflow.ui;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: each user where they belong ({@link Navigation#home}: requesters to the portal, agents to Tasklist);
 * not signed in, to the sign-in form, which then does the same. Camunda's own index redirect (switched off in
 * application.yaml) would lead to its welcome page.
 */
@Controller
public class HomePage {

	@GetMapping(UiPaths.ROOT)
	String home(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return "redirect:" + UiPaths.LOGIN;
		}
		return "redirect:" + Navigation.home(authentication.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority).toList());
	}

}
