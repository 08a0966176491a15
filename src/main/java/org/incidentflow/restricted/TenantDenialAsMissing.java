package org.incidentflow.restricted;

import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's tenant check, answering a look-up of another tenant's task or process instance as the engine answers
 * one that does not exist. Camunda's own refusal ({@code ENGINE-13034 Cannot read the task '…' because it belongs to
 * no authenticated tenant}, status 500) would tell the service desk that a restricted incident exists, and under
 * which id; this way {@code /engine-rest/task/{id}/variables} and {@code /process-instance/{id}/variables} answer
 * alice exactly as for an id nobody ever used. Queries need nothing of this: the tenant check leaves the rows out.
 */
class TenantDenialAsMissing extends TenantCommandChecker {

	/** Commands whose missing-task answer is "task … doesn't exist" rather than "Cannot find task with id …". */
	private static final Set<String> TASK_VARIABLE_COMMANDS = Set.of("GetTaskVariableCmd", "GetTaskVariableCmdTyped",
			"GetTaskVariablesCmd", "SetTaskVariablesCmd", "PatchTaskVariablesCmd");

	private void task(TaskEntity task) {
		if (task != null && !getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
			throw missingTask(task.getId());
		}
	}

	/** What the running command throws for a task id that does not exist (the engine's own wording per command). */
	static RuntimeException missingTask(String id) {
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		Object running = invocation == null ? null : invocation.getCommand();
		String command = running == null ? "" : running.getClass().getSimpleName();
		if (running instanceof AbstractSetTaskPropertyCmd) {
			return new NotFoundException("Cannot find task with id " + id + ": task is null");
		}
		if (TASK_VARIABLE_COMMANDS.contains(command)) {
			return new NullValueException("task " + id + " doesn't exist: task is null");
		}
		if (command.equals("GetTaskFormVariablesCmd")) {
			return new BadUserRequestException("Cannot find task with id '" + id + "'.: task is null");
		}
		if (command.equals("GetDeployedTaskFormCmd")) {
			// 7.24 fails on a missing id with a NullPointerException (status 500); a denial must not look different
			return new NullPointerException(
					"Cannot invoke \"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.getId()\" because \"task\" is null");
		}
		if (command.equals("GetTaskFormCmd")) {
			return new NullValueException("No task found for taskId '" + id + "': task is null");
		}
		return new NullValueException("Cannot find task with id " + id + ": task is null");
	}

	private void execution(ExecutionEntity execution) {
		if (execution != null && !getTenantManager().isAuthenticatedTenant(execution.getTenantId())) {
			throw new NullValueException("execution " + execution.getId() + " doesn't exist: execution is null");
		}
	}

	@Override
	public void checkReadTask(TaskEntity task) {
		task(task);
		super.checkReadTask(task);
	}

	@Override
	public void checkReadTaskVariable(TaskEntity task) {
		task(task);
		super.checkReadTaskVariable(task);
	}

	@Override
	public void checkUpdateTaskVariable(TaskEntity task) {
		task(task);
		super.checkUpdateTaskVariable(task);
	}

	@Override
	public void checkTaskAssign(TaskEntity task) {
		task(task);
		super.checkTaskAssign(task);
	}

	@Override
	public void checkTaskWork(TaskEntity task) {
		task(task);
		super.checkTaskWork(task);
	}

	@Override
	public void checkDeleteTask(TaskEntity task) {
		task(task);
		super.checkDeleteTask(task);
	}

	@Override
	public void checkReadProcessInstance(ExecutionEntity execution) {
		execution(execution);
		super.checkReadProcessInstance(execution);
	}

	@Override
	public void checkReadProcessInstance(String processInstanceId) {
		execution(findExecutionById(processInstanceId));
		super.checkReadProcessInstance(processInstanceId);
	}

	@Override
	public void checkReadProcessInstanceVariable(ExecutionEntity execution) {
		execution(execution);
		super.checkReadProcessInstanceVariable(execution);
	}

	@Override
	public void checkUpdateProcessInstance(ExecutionEntity execution) {
		execution(execution);
		super.checkUpdateProcessInstance(execution);
	}

	@Override
	public void checkUpdateProcessInstanceVariables(ExecutionEntity execution) {
		execution(execution);
		super.checkUpdateProcessInstanceVariables(execution);
	}

	@Override
	public void checkUpdateProcessInstanceById(String processInstanceId) {
		execution(findExecutionById(processInstanceId));
		super.checkUpdateProcessInstanceById(processInstanceId);
	}

	@Override
	public void checkDeleteProcessInstance(ExecutionEntity execution) {
		execution(execution);
		super.checkDeleteProcessInstance(execution);
	}

}
