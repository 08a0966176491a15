package org.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Plain unit test: the shared test database always has an administrator, which is the point of the guard. */
class AdministratorBootstrapTest {

	private final IdentityService identityService = mock(IdentityService.class, RETURNS_DEEP_STUBS);

	@Test
	void startWithoutDemoProfileAndWithoutPasswordFails() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("postgres");

		assertThatThrownBy(() -> new AdministratorBootstrap(identityService, production, "admin", ""))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("ADMIN_PASSWORD must be set when the demo profile is off");
	}

	@Test
	void demoProfileNeedsNoPassword() {
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles("demo");
		when(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).thenReturn(1L);

		assertThat(new AdministratorBootstrap(identityService, demo, "admin", "").ensureAdministrator()).isFalse();
	}

	@Test
	void createsTheAdministratorWhenTheGroupHasNoMember() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("postgres");
		User root = mock(User.class);
		when(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).thenReturn(0L);
		when(identityService.createUserQuery().userId("root").count()).thenReturn(0L);
		when(identityService.newUser("root")).thenReturn(root);

		boolean created = new AdministratorBootstrap(identityService, production, "root", "a-long-secret")
				.ensureAdministrator();

		assertThat(created).isTrue();
		verify(root).setPassword("a-long-secret");
		verify(identityService).saveUser(root);
		verify(identityService).createMembership("root", "camunda-admin");
	}

	@Test
	void leavesAnExistingAdministratorAlone() {
		MockEnvironment production = new MockEnvironment();
		when(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).thenReturn(2L);

		assertThat(new AdministratorBootstrap(identityService, production, "root", "a-long-secret")
				.ensureAdministrator()).isFalse();
		verify(identityService, never()).createMembership("root", "camunda-admin");
	}

}
