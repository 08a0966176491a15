package org.incidentflow.incident;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now, for the audit trail: the user the engine is working for (Tasklist, engine REST), else
 * the user of the product's API, else {@code system} (timers, the job executor, start-up).
 */
@Component
public class CurrentActor {

	public static final String SYSTEM = "system";

	private final IdentityService identityService;

	public CurrentActor(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String userId() {
		Authentication engineUser = identityService.getCurrentAuthentication();
		if (engineUser != null && engineUser.getUserId() != null) {
			return engineUser.getUserId();
		}
		var springUser = SecurityContextHolder.getContext().getAuthentication();
		if (springUser != null && springUser.isAuthenticated() && springUser.getName() != null
				&& !"anonymousUser".equals(springUser.getName())) {
			return springUser.getName();
		}
		return SYSTEM;
	}

}
