package org.incidentflow.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The user of the product's own API ({@code /api/**}): Camunda user id and group ids, as authenticated by HTTP Basic.
 * The API calls the engine as the application (no engine authentication), so its code decides access itself with
 * this helper, e.g. {@code currentUser.isMemberOf("service-desk")}.
 */
@Component
public class CurrentUser {

	/** The authenticated user's id, empty for anonymous requests and background work. */
	public Optional<String> id() {
		return authentication().map(Authentication::getName);
	}

	/** The authenticated user's id; refuses to answer for anonymous requests. */
	public String requireId() {
		return id().orElseThrow(() -> new IllegalStateException("No authenticated user"));
	}

	/** The Camunda group ids of the authenticated user (empty when anonymous). */
	public Set<String> groupIds() {
		return authentication()
				.map(a -> a.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()))
				.orElse(Set.of());
	}

	public boolean isMemberOf(String groupId) {
		return groupIds().contains(groupId);
	}

	public boolean isMemberOfAny(String... groupIds) {
		Set<String> mine = groupIds();
		for (String groupId : groupIds) {
			if (mine.contains(groupId)) {
				return true;
			}
		}
		return false;
	}

	private static Optional<Authentication> authentication() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(authentication);
	}

}
