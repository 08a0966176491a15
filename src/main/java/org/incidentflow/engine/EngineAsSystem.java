package org.incidentflow.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls a process step makes on behalf of the product, not of the user who completed the task: starting a
 * problem from a closure review, resuming the (possibly restricted) incidents of a resolved problem, evaluating the
 * major-incident detection and declaring or linking, resolving a major incident's children. Inside a command (a
 * delegate) authorization and tenant checks are switched off for exactly that call; outside one (the API) the
 * caller's own authorizations apply. One place for problems and major incidents alike.
 */
public final class EngineAsSystem {

	private EngineAsSystem() {
	}

	public static <T> T call(Supplier<T> work) {
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

	public static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

}
