package org.incidentflow.restricted;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.incidentflow.incident.IncidentProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Execution listener {@code ${followRestriction}} at the end of the categorisation rule tasks (after intake, after
 * triage corrected the facts, after a reclassification): when the incident's type puts it in another compartment
 * than the one its process instance is in, the instance moves, in the transaction that changed the type.
 * <p>
 * Camunda cannot change the tenant of a running instance, and restarting the instance under another id would cut
 * its history, its timers and the record's link to it. So the move relabels the instance's rows: every runtime and
 * history row of the instance (executions, tasks and their identity links, variables, jobs, event subscriptions,
 * incidents, activity, task, variable, detail, decision, comment, attachment and operation-log history, byte arrays)
 * gets the new tenant id. It runs just before the commit, after the engine flushed everything the transaction wrote,
 * so rows written later in the same transaction (the next task, its history) are included; the executions in memory
 * are relabelled at once, so what the transaction creates after this point is born in the new tenant.
 * <p>
 * From the commit on, the earlier group sees nothing of an incident reclassified to {@code security} (its triage task
 * and history included), and the new group of an incident reclassified away sees all of it.
 */
@Component("followRestriction")
public class RestrictedCompartment implements ExecutionListener {

	private static final Logger LOG = LoggerFactory.getLogger(RestrictedCompartment.class);

	/** Tables whose rows carry the root process instance id. */
	static final List<String> BY_ROOT_INSTANCE = List.of("RU_EXECUTION", "RU_JOB", "GE_BYTEARRAY", "HI_PROCINST",
			"HI_ACTINST", "HI_TASKINST", "HI_VARINST", "HI_DETAIL", "HI_IDENTITYLINK", "HI_COMMENT", "HI_ATTACHMENT",
			"HI_OP_LOG", "HI_INCIDENT", "HI_JOB_LOG", "HI_EXT_TASK_LOG", "HI_DECINST", "HI_DEC_IN", "HI_DEC_OUT");

	/** Runtime tables without a root id column. */
	static final List<String> BY_INSTANCE = List.of("RU_TASK", "RU_VARIABLE", "RU_EVENT_SUBSCR", "RU_INCIDENT",
			"RU_EXT_TASK");

	@Override
	public void notify(DelegateExecution execution) {
		String tenant = RestrictedIncidents.tenantFor((String) execution.getVariable(IncidentProcess.Vars.INCIDENT_TYPE));
		if (Objects.equals(tenant, execution.getTenantId())) {
			return;
		}
		ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
		String instanceId = instance.getId();
		relabelInMemory(instance, tenant);
		ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
		String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
		JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
		// several moves in one transaction (reclassified twice): each runs, in order, the last one decides
		Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
				commandContext -> relabelRows(jdbc, prefix, instanceId, tenant));
		LOG.info("Incident {} moves {} the restricted compartment", execution.getProcessBusinessKey(),
				tenant == null ? "out of" : "into");
	}

	private static void relabelInMemory(ExecutionEntity execution, String tenant) {
		List<ExecutionEntity> pending = new ArrayList<>(List.of(execution));
		while (!pending.isEmpty()) {
			ExecutionEntity next = pending.remove(pending.size() - 1);
			next.setTenantId(tenant);
			pending.addAll(next.getExecutions());
		}
	}

	static int relabelRows(JdbcTemplate jdbc, String prefix, String instanceId, String tenant) {
		int rows = 0;
		// identity links first: they are found through the instance's tasks
		rows += jdbc.update("update " + prefix + "ACT_RU_IDENTITYLINK set TENANT_ID_ = ? where TASK_ID_ in "
				+ "(select ID_ from " + prefix + "ACT_RU_TASK where PROC_INST_ID_ = ?)", tenant, instanceId);
		for (String table : BY_INSTANCE) {
			rows += jdbc.update("update " + prefix + "ACT_" + table + " set TENANT_ID_ = ? where PROC_INST_ID_ = ?",
					tenant, instanceId);
		}
		for (String table : BY_ROOT_INSTANCE) {
			rows += jdbc.update("update " + prefix + "ACT_" + table
					+ " set TENANT_ID_ = ? where ROOT_PROC_INST_ID_ = ?", tenant, instanceId);
		}
		return rows;
	}

}
