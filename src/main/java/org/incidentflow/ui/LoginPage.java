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

	/**
	 * Reached only by the forward of a throttled sign-in ({@code security.throttle.ThrottledLogins}): Spring Security
	 * handles every POST to the login path itself. The status (429) and {@code Retry-After} are already set.
	 */
	@org.springframework.web.bind.annotation.PostMapping(UiPaths.LOGIN)
	String throttled(jakarta.servlet.http.HttpServletRequest request, org.springframework.ui.Model model) {
		Object seconds = request.getAttribute(org.incidentflow.security.throttle.ThrottledLogins.RETRY_AFTER_ATTRIBUTE);
		if (seconds == null) {
			return "redirect:" + UiPaths.LOGIN;
		}
		model.addAttribute("retryAfterSeconds", seconds);
		return "ui/login";
	}

	@org.springframework.web.bind.annotation.RequestMapping(UiPaths.FORBIDDEN)
	String forbidden(jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(403);
		return "ui/forbidden";
	}

}
