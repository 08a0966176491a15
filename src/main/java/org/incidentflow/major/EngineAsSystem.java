package org.incidentflow.major;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls the product makes on its own behalf inside a process step (detection promoting an incident in a
 * delegate of incident-management, resolving the children of a major incident), not on behalf of whoever completed
 * the task: authorization and tenant checks are off for exactly that call. Outside a command (the API) the caller's
 * own authorizations apply. Same reasoning as problem.EngineAsSystem, which is package-private there.
 */
final class EngineAsSystem {

	private EngineAsSystem() {
	}

	static <T> T call(Supplier<T> work) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			return work.get();
		}
		boolean authorization = command.isAuthorizationCheckEnabled();
		boolean tenant = command.isTenantCheckEnabled();
		command.disableAuthorizationCheck();
		command.disableTenantCheck();
		try {
			return work.get();
		}
		finally {
			if (authorization) {
				command.enableAuthorizationCheck();
			}
			if (tenant) {
				command.enableTenantCheck();
			}
		}
	}

}
