package org.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
	@Autowired
	TaskFilters taskFilters;

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
	@SuppressWarnings("unchecked")
	void filtersOfAnEarlierVersionGainTheNewColumnsAndKeepTheirOwn() {
		var filter = taskFilters.ensureGroupFilter("service-desk");
		// as saved before the SLA column existed, with a column someone added in Tasklist
		java.util.Map<String, Object> old = new java.util.LinkedHashMap<>(filter.getProperties());
		old.put("variables", java.util.List.of(java.util.Map.of("name", "priority", "label", "Priority"),
				java.util.Map.of("name", "caller", "label", "Requested by")));
		filterService.saveFilter(filter.setProperties(old));

		identitySetup.afterSingletonsInstantiated();

		var columns = (java.util.List<java.util.Map<String, Object>>) filterService.getFilter(filter.getId())
			.getProperties().get("variables");
		assertThat(columns).extracting(c -> c.get("name") + "=" + c.get("label"))
			.containsExactly("priority=Priority", "caller=Requested by", "slaStatus=SLA", "service=Service");
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


	@Test
	void nodesStartingAtOnceCreateEverythingOnce() throws Exception {
		// a group created since the last start: every node would create its filter and grant
		String group = "night-shift-" + System.nanoTime();
		identityService.saveGroup(identityService.newGroup(group));
		long authorizations = authorizationService.createAuthorizationQuery().count();
		long filters = filterService.createFilterQuery().count();
		TaskFilters taskFilters = this.taskFilters;

		int nodes = 4;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(nodes);
		try {
			var runs = new ArrayList<Future<?>>();
			for (int i = 0; i < nodes; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					identitySetup.runLocked(() -> taskFilters.ensureGroupFilter(group));
					return null;
				}));
			}
			start.countDown();
			for (var run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(filterService.createFilterQuery().count()).isEqualTo(filters + 1);
		assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations + 1);
	}

}
