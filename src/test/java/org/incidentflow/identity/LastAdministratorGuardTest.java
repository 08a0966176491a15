package org.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CVE-2026-77226: camunda-admin always keeps a member, whichever way one tries to remove it. */
class LastAdministratorGuardTest extends WebTestSupport {

	@Autowired
	IdentityService identityService;

	@BeforeEach
	void onlyTheDemoAdministratorIsAdministrator() {
		assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
				.extracting(User::getId).containsExactly("admin");
	}

	@Test
	void lastMembershipCannotBeRemovedThroughEngineRest() {
		var response = delete("/engine-rest/group/camunda-admin/members/admin", "admin");

		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
		assertThat(isAdministrator("admin")).isTrue();
	}

	@Test
	void lastAdministratorCannotBeDeleted() {
		var response = delete("/engine-rest/user/admin", "admin");

		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
		assertThat(identityService.createUserQuery().userId("admin").count()).isOne();
		assertThatThrownBy(() -> identityService.deleteUser("admin")).isInstanceOf(BadUserRequestException.class);
	}

	@Test
	void administratorGroupCannotBeDeleted() {
		var response = delete("/engine-rest/group/camunda-admin", "admin");

		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
		assertThat(isAdministrator("admin")).isTrue();
	}

	@Test
	void anAdministratorCanLeaveWhileAnotherRemains() {
		String second = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identityService.newUser(second);
		user.setPassword("second-admin-password");
		identityService.saveUser(user);
		identityService.createMembership(second, "camunda-admin");
		try {
			assertThat(delete("/engine-rest/group/camunda-admin/members/" + second, "admin").statusCode())
					.isEqualTo(204);
			assertThat(isAdministrator(second)).isFalse();
		}
		finally {
			identityService.deleteUser(second);
		}
		assertThat(isAdministrator("admin")).isTrue();
	}

	@Test
	void nonAdministratorsCannotTouchMemberships() {
		assertThat(delete("/engine-rest/group/camunda-admin/members/admin", "alice").statusCode()).isEqualTo(403);
	}

	private boolean isAdministrator(String userId) {
		return identityService.createUserQuery().userId(userId).memberOfGroup("camunda-admin").count() == 1;
	}

}
