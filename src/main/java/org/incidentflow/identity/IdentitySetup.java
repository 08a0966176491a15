package org.incidentflow.identity;

import java.util.Optional;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up order of the identity data, before the web server accepts requests: groups and their permissions, demo
 * users (demo profile), the administrator if {@code camunda-admin} has none, then the Tasklist filters.
 * <p>
 * Every step checks before it creates, which is not enough when several nodes start at once against one database:
 * the whole setup runs in one transaction holding a row lock ({@code startup_lock}), so the nodes take turns and
 * the later ones find everything in place.
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

	private final GroupAuthorizations groupAuthorizations;
	private final Optional<DemoUsers> demoUsers;
	private final AdministratorBootstrap administratorBootstrap;
	private final TaskFilters taskFilters;
	private final TransactionTemplate transaction;
	private final JdbcTemplate jdbc;

	public IdentitySetup(GroupAuthorizations groupAuthorizations, Optional<DemoUsers> demoUsers,
			AdministratorBootstrap administratorBootstrap, TaskFilters taskFilters, TransactionTemplate transaction,
			JdbcTemplate jdbc) {
		this.groupAuthorizations = groupAuthorizations;
		this.demoUsers = demoUsers;
		this.administratorBootstrap = administratorBootstrap;
		this.taskFilters = taskFilters;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	@Override
	public void afterSingletonsInstantiated() {
		runLocked(this::ensureIdentityData);
	}

	/** Runs identity work in one transaction that no other node's identity work overlaps. */
	public void runLocked(Runnable work) {
		transaction.executeWithoutResult(status -> {
			jdbc.queryForObject("select name from startup_lock where name = ? for update", String.class,
					"identity-setup");
			work.run();
		});
	}

	private void ensureIdentityData() {
		groupAuthorizations.ensureGroupsAndGrants();
		demoUsers.ifPresent(DemoUsers::ensureDemoUsers);
		administratorBootstrap.ensureAdministrator();
		for (String group : AccessGroups.AGENTS) {
			taskFilters.ensureGroupFilter(group);
		}
		taskFilters.ensureAllTasksFilter();
	}

}
