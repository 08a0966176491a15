package org.incidentflow.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.process.InvalidSubmissionException;

/**
 * Refuses a direct change of a variable that mirrors the incident record ({@link Vars#RECORD_FIELDS}): setting,
 * patching or deleting {@code priority}, {@code assignmentGroup}, ... of an execution or task, one by one or as a
 * batch, from Cockpit's variable editor, the engine REST API ({@code PUT /process-instance/{id}/variables/priority},
 * {@code POST /task/{id}/variables}, {@code POST /process-instance/variables-async}) or the Java API. Such an edit
 * changed what the gateways and timers saw while the record, the reports and the audit trail kept the old value.
 * Administrators are refused too: the record changes through the process (triage, recategorisation, escalation),
 * which writes it and its audit entry in one transaction.
 *
 * <p>Only commands called from outside the engine are checked: inside a running command (a delegate, a listener,
 * form submission, message correlation) variables are the process's own business. The answer is the product's
 * user-error exception ({@link InvalidSubmissionException}), which {@link SubmissionRefusals} turns into a 400 with
 * this sentence on the engine REST API and the webapps' API (Camunda's resources would answer some of them 500).
 */
public class MirroredVariableGuard extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		if (Context.getCommandContext() == null) {
			Collection<String> touched = touched(command);
			if (!touched.isEmpty()) {
				throw new InvalidSubmissionException(touched.iterator().next(), "Variable" + (touched.size() > 1 ? "s " : " ")
						+ String.join(", ", touched) + " mirror" + (touched.size() > 1 ? "" : "s")
						+ " the incident record and cannot be changed directly; change the incident through its "
						+ "tasks or the product's API, which keeps the record and its audit trail in step.");
			}
		}
		return next.execute(command);
	}

	static Collection<String> touched(Command<?> command) {
		TreeSet<String> names = new TreeSet<>();
		if (command instanceof AbstractSetVariableCmd set) {
			names.addAll(Fields.set(set).keySet());
		}
		else if (command instanceof AbstractRemoveVariableCmd remove) {
			names.addAll(Fields.removed(remove));
		}
		else if (command instanceof AbstractPatchVariablesCmd patch) {
			names.addAll(Fields.patched(patch));
		}
		else if (command instanceof SetVariablesToProcessInstancesBatchCmd batch) {
			names.addAll(Fields.batch(batch).keySet());
		}
		names.retainAll(Vars.RECORD_FIELDS);
		return names;
	}

	/** The commands keep their variables in protected fields; they are read here, without changing them. */
	private static final class Fields {

		static Map<String, ?> set(AbstractSetVariableCmd command) {
			return map(read(AbstractSetVariableCmd.class, "variables", command));
		}

		static Collection<String> removed(AbstractRemoveVariableCmd command) {
			return names(read(AbstractRemoveVariableCmd.class, "variableNames", command));
		}

		static Collection<String> patched(AbstractPatchVariablesCmd command) {
			TreeSet<String> names = new TreeSet<>(map(read(AbstractPatchVariablesCmd.class, "variables", command))
				.keySet());
			names.addAll(names(read(AbstractPatchVariablesCmd.class, "deletions", command)));
			return names;
		}

		static Map<String, ?> batch(SetVariablesToProcessInstancesBatchCmd command) {
			return map(read(SetVariablesToProcessInstancesBatchCmd.class, "variables", command));
		}

		private static Object read(Class<?> type, String field, Object command) {
			try {
				java.lang.reflect.Field declared = type.getDeclaredField(field);
				declared.setAccessible(true);
				return declared.get(command);
			}
			catch (ReflectiveOperationException | RuntimeException changedEngine) {
				// an engine upgrade renamed the field: fail closed rather than let edits through unseen
				throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + field
						+ " to guard the record's variables; check engine.MirroredVariableGuard after an upgrade",
						changedEngine);
			}
		}

		private static Map<String, ?> map(Object value) {
			return value instanceof Map<?, ?> map ? castKeys(map) : Map.of();
		}

		@SuppressWarnings("unchecked")
		private static Map<String, ?> castKeys(Map<?, ?> map) {
			return (Map<String, ?>) map;
		}

		private static Collection<String> names(Object value) {
			if (value instanceof Collection<?> collection) {
				return collection.stream().map(String::valueOf).toList();
			}
			return List.of();
		}

	}

}
