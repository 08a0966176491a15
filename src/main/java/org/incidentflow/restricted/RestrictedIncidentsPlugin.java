package org.incidentflow.restricted;


import java.util.ArrayList;
import java.util.List;


import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.incidentflow.engine.EngineIndex;
import org.springframework.stereotype.Component;

/**
 * Engine settings of the restricted-incident rule: the tenant of new instances ({@link RestrictedTenantIdProvider}),
 * the tenant check (on, as by default, stated here because the rule depends on it) with its refusals answered
 * like a missing task or instance ({@link TenantDenialAsMissing}), no per-task authorization rows
 * for incident tasks ({@link DefinitionLevelTaskAuthorizations}), and the index the candidate-group task list needs
 * on {@code ACT_RU_IDENTITYLINK(GROUP_ID_, TASK_ID_)} (the 7.24 schema has none: the list scanned every identity
 * link of the group, issue 14). The index is created after the engine created or checked its tables, so it cannot be
 * a Flyway migration; {@code CREATE INDEX IF NOT EXISTS} works on H2 and PostgreSQL.
 */
@Component
public class RestrictedIncidentsPlugin extends AbstractProcessEnginePlugin {

	public static final String GROUP_LINK_INDEX = "incidentflow_identitylink_group_idx";


	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new RestrictedTenantIdProvider());
		configuration.setTenantCheckEnabled(true);
		// the engine's default checkers, in its order, with the tenant check answering a denial as "not found"
		configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantDenialAsMissing(),
				new AuthorizationCommandChecker())));
		configuration.setResourceAuthorizationProvider(new DefinitionLevelTaskAuthorizations());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		EngineIndex.create(processEngine, GROUP_LINK_INDEX, "ACT_RU_IDENTITYLINK (GROUP_ID_, TASK_ID_)");
	}

}
