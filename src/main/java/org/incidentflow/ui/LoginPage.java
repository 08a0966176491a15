package org.incidentflow.ui;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form of the product's pages (Spring Security processes the POST to the same path) and the page shown
 * when a signed-in user may not open a page.
 */
@Controller
@UiPage
public class LoginPage {

	@GetMapping(UiPaths.LOGIN)
	String login(Authentication authentication) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:" + Navigation.home(authentication.getAuthorities().stream()
				.map(GrantedAuthority::getAuthority).toList());
		}
		return "ui/login";
	}

	@org.springframework.web.bind.annotation.RequestMapping(UiPaths.FORBIDDEN)
	String forbidden(jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(403);
		return "ui/forbidden";
	}

}
