package org.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdentitySetupTest extends WebTestSupport {

	@Autowired
	IdentitySetup identitySetup;
	@Autowired
	IdentityService identityService;
	@Autowired
	AuthorizationService authorizationService;
	@Autowired
	FilterService filterService;

	@Test
	void demoUsersBelongToTheirGroupsWithTheDemoPassword() {
		for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
			assertThat(identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.groupId()).count())
					.as(demo.id()).isOne();
			assertThat(identityService.checkPassword(demo.id(), DEMO_PASSWORD)).as(demo.id()).isTrue();
		}
	}

	@Test
	void everyProductGroupExists() {
		for (var group : AccessGroups.ALL) {
			assertThat(identityService.createGroupQuery().groupId(group.get(0)).count()).as(group.get(0)).isOne();
		}
	}

	@Test
	void runningTheSetupAgainChangesNothing() {
		long users = identityService.createUserQuery().count();
		long groups = identityService.createGroupQuery().count();
		long authorizations = authorizationService.createAuthorizationQuery().count();
		long filters = filterService.createFilterQuery().count();

		identitySetup.afterSingletonsInstantiated();

		assertThat(identityService.createUserQuery().count()).isEqualTo(users);
		assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
		assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
		assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
	}

	@Test
	void agentsMayStartIncidentsButRequestersMayNot() {
		assertThat(authorizationService.isUserAuthorized("alice", java.util.List.of("service-desk"),
				org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
				org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "incident-management")).isTrue();
		assertThat(authorizationService.isUserAuthorized("rita", java.util.List.of("requesters"),
				org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
				org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "incident-management")).isFalse();
	}

}
