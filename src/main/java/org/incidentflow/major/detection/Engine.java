package org.incidentflow.major.detection;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls a detection step makes on behalf of the product, not of the user whose report or task triggered it:
 * evaluating the detection decision, starting a proposal, and (the major incident's own code) declaring or linking.
 * Inside a command (a delegate) authorization and tenant checks are switched off for exactly that call; outside one
 * the caller's own authorizations apply. Same rule as org.incidentflow.problem.EngineAsSystem.
 */
final class Engine {

	private Engine() {
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

	static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

}
