package org.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class CurrentUserTest {

	private final CurrentUser currentUser = new CurrentUser();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void knowsTheApiUserAndHerGroups() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				"alice", null, List.of(new SimpleGrantedAuthority("service-desk"))));

		assertThat(currentUser.id()).hasValue("alice");
		assertThat(currentUser.requireId()).isEqualTo("alice");
		assertThat(currentUser.groupIds()).containsExactly("service-desk");
		assertThat(currentUser.isMemberOf("service-desk")).isTrue();
		assertThat(currentUser.isMemberOfAny("requesters", "service-desk")).isTrue();
		assertThat(currentUser.isMemberOf("requesters")).isFalse();
	}

	@Test
	void anonymousIsNobody() {
		SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		assertThat(currentUser.id()).isEmpty();
		assertThat(currentUser.groupIds()).isEmpty();
		assertThatThrownBy(currentUser::requireId).isInstanceOf(IllegalStateException.class);
	}

}
