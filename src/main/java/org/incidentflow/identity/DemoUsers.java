package org.incidentflow.identity;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per role, all with the demo password. Only in the demo profile; existing users and memberships
 * are left as they are, so a restart changes nothing.
 */
@Component
@Profile("demo")
public class DemoUsers {

	private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

	record DemoUser(String id, String firstName, String lastName, String groupId) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", "Ada", "Admin", AccessGroups.ADMINS),
			new DemoUser("paul", "Paul", "Process-Owner", AccessGroups.PROCESS_OWNERS),
			new DemoUser("alice", "Alice", "Service-Desk", AccessGroups.SERVICE_DESK),
			new DemoUser("nick", "Nick", "Network-Ops", AccessGroups.NETWORK_OPS),
			new DemoUser("ann", "Ann", "App-Support", AccessGroups.APP_SUPPORT),
			new DemoUser("sid", "Sid", "Security-Ops", AccessGroups.SECURITY_OPS),
			new DemoUser("maria", "Maria", "Incident-Manager", AccessGroups.INCIDENT_MANAGERS),
			new DemoUser("pam", "Pam", "Problem-Manager", AccessGroups.PROBLEM_MANAGERS),
			new DemoUser("rita", "Rita", "Requester", AccessGroups.REQUESTERS),
			new DemoUser("rob", "Rob", "Requester", AccessGroups.REQUESTERS),
			new DemoUser("monitoring", "Monitoring", "Webhook", AccessGroups.INTEGRATIONS),
			new DemoUser("cora", "Cora", "CMDB-Manager", AccessGroups.CMDB_MANAGERS),
			new DemoUser("kim", "Kim", "Knowledge-Manager", AccessGroups.KNOWLEDGE_MANAGERS));

	private final IdentityService identityService;
	private final TaskFilters taskFilters;
	private final String password;

	public DemoUsers(IdentityService identityService, TaskFilters taskFilters,
			@Value("${incidentflow.demo.password:demo}") String password) {
		this.identityService = identityService;
		this.taskFilters = taskFilters;
		this.password = password;
	}

	public void ensureDemoUsers() {
		for (DemoUser demo : USERS) {
			if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
				User user = identityService.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.id() + "@incidentflow.example");
				user.setPassword(password);
				identityService.saveUser(user);
			}
			if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.groupId()).count() == 0) {
				identityService.createMembership(demo.id(), demo.groupId());
			}
			if (!demo.groupId().equals(AccessGroups.INTEGRATIONS) && !demo.groupId().equals(AccessGroups.ADMINS)
					&& !demo.groupId().equals(AccessGroups.PROCESS_OWNERS)
					&& !demo.groupId().equals(AccessGroups.CMDB_MANAGERS)
					&& !demo.groupId().equals(AccessGroups.KNOWLEDGE_MANAGERS)) {
				taskFilters.ensureUserFilter(demo.id());
			}
		}
		LOG.info("Demo profile: demo users ready, password '{}': {}", password, USERS.stream()
				.map(u -> u.id() + " (" + u.groupId() + ")").collect(Collectors.joining(", ")));
	}

}
