package org.incidentflow.identity;

import java.util.Optional;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Start-up order of the identity data, before the web server accepts requests: groups and their permissions, demo
 * users (demo profile), the administrator if {@code camunda-admin} has none, then the Tasklist filters.
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

	private final GroupAuthorizations groupAuthorizations;
	private final Optional<DemoUsers> demoUsers;
	private final AdministratorBootstrap administratorBootstrap;
	private final TaskFilters taskFilters;

	public IdentitySetup(GroupAuthorizations groupAuthorizations, Optional<DemoUsers> demoUsers,
			AdministratorBootstrap administratorBootstrap, TaskFilters taskFilters) {
		this.groupAuthorizations = groupAuthorizations;
		this.demoUsers = demoUsers;
		this.administratorBootstrap = administratorBootstrap;
		this.taskFilters = taskFilters;
	}

	@Override
	public void afterSingletonsInstantiated() {
		groupAuthorizations.ensureGroupsAndGrants();
		demoUsers.ifPresent(DemoUsers::ensureDemoUsers);
		administratorBootstrap.ensureAdministrator();
		for (String group : AccessGroups.AGENTS) {
			taskFilters.ensureGroupFilter(group);
		}
		taskFilters.ensureAllTasksFilter();
	}

}
