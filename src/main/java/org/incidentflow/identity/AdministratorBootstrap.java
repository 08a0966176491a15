package org.incidentflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure {@code camunda-admin} has a member (CVE-2026-77226: while it has none, the Admin setup endpoint hands out
 * administrator accounts). Outside the demo profile the administrator's password must be configured, and the start
 * fails without it rather than running without an administrator.
 */
@Component
public class AdministratorBootstrap {

	private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

	static final String MISSING_PASSWORD = "ADMIN_PASSWORD must be set when the demo profile is off "
			+ "(incidentflow.admin.password: the password of the administrator created while camunda-admin has no member)";

	private final IdentityService identityService;
	private final String adminUser;
	private final String adminPassword;

	public AdministratorBootstrap(IdentityService identityService, Environment environment,
			@Value("${incidentflow.admin.user:admin}") String adminUser,
			@Value("${incidentflow.admin.password:}") String adminPassword) {
		if (!environment.acceptsProfiles(Profiles.of("demo")) && (adminPassword == null || adminPassword.isBlank())) {
			throw new IllegalStateException(MISSING_PASSWORD);
		}
		this.identityService = identityService;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	/** Creates the configured administrator if {@code camunda-admin} has no member; returns whether it did. */
	public boolean ensureAdministrator() {
		if (identityService.createUserQuery().memberOfGroup(AccessGroups.ADMINS).count() > 0) {
			return false;
		}
		if (adminPassword == null || adminPassword.isBlank()) {
			throw new IllegalStateException(MISSING_PASSWORD);
		}
		if (identityService.createUserQuery().userId(adminUser).count() == 0) {
			User user = identityService.newUser(adminUser);
			user.setFirstName("Administrator");
			user.setLastName("Incident Flow");
			user.setPassword(adminPassword);
			identityService.saveUser(user);
		}
		identityService.createMembership(adminUser, AccessGroups.ADMINS);
		LOG.info("Administrator '{}' added to {} (the group had no member)", adminUser, AccessGroups.ADMINS);
		return true;
	}

}
