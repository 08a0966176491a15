package org.incidentflow.incident;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authenticated user of the product's API: the Camunda user id and the ids of the user's Camunda groups
 * (Spring Security authorities, verbatim).
 */
public record Viewer(String userId, Set<String> groups) {

	public Viewer {
		groups = Set.copyOf(groups);
	}

	/** No authentication (should not pass the security filter chain) means no groups, hence no access. */
	public static Viewer of(Authentication authentication) {
		if (authentication == null) {
			return new Viewer("anonymous", Set.of());
		}
		return new Viewer(authentication.getName(), authentication.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet()));
	}

	public boolean inAnyOf(Set<String> candidates) {
		return groups.stream().anyMatch(candidates::contains);
	}

}
