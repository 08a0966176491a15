package org.incidentflow.restricted;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.incidentflow.incident.IncidentProcess;

/**
 * Puts a new incident's process instance in the tenant of its type (the definitions themselves are shared, deployed
 * without a tenant), and each decision evaluated inside an instance in the instance's tenant, so the decision history
 * of a restricted incident is restricted too. Other processes keep no tenant.
 */
class RestrictedTenantIdProvider implements TenantIdProvider {

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
		if (context.getSuperExecution() != null) {
			return context.getSuperExecution().getTenantId();
		}
		if (!IncidentProcess.KEY.equals(context.getProcessDefinition().getKey()) || context.getVariables() == null) {
			return null;
		}
		Object type = context.getVariables().get(IncidentProcess.Vars.INCIDENT_TYPE);
		return type instanceof String code ? RestrictedIncidents.tenantFor(code) : null;
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
		return context.getExecution() == null ? null : context.getExecution().getTenantId();
	}

}
