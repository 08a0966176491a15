package org.incidentflow.process;

import java.util.List;
import java.util.ListIterator;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;

/**
 * Runs the execution listeners of the coverage parse listener without authorization checks. They read the process
 * definition through the RepositoryService as the current user, so with coverage on, a user without READ on the
 * definition (a requester completing her task, an agent working a test process) would be refused in tests but not in
 * production. Registered after {@link ElementCoverageParseListener}: parseProcess is called once the whole process
 * was parsed, so every listener it added is there to be wrapped.
 */
class CoverageListenersWithoutAuthorization extends AbstractBpmnParseListener {

	private static final String COVERAGE_LISTENER = ElementCoverageParseListener.class.getName();

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		wrapScope(processDefinition);
	}

	private static void wrapScope(ScopeImpl scope) {
		wrap(scope);
		for (ActivityImpl activity : scope.getActivities()) {
			wrapScope(activity);
			for (PvmTransition transition : activity.getOutgoingTransitions()) {
				wrap((TransitionImpl) transition);
			}
		}
	}

	private static void wrap(CoreModelElement element) {
		for (Map.Entry<String, List<DelegateListener<? extends BaseDelegateExecution>>> entry : element.getListeners()
			.entrySet()) {
			ListIterator<DelegateListener<? extends BaseDelegateExecution>> listeners = entry.getValue().listIterator();
			while (listeners.hasNext()) {
				DelegateListener<? extends BaseDelegateExecution> listener = listeners.next();
				if (listener.getClass().getName().startsWith(COVERAGE_LISTENER)) {
					listeners.set(withoutAuthorization(listener));
				}
			}
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static DelegateListener<? extends BaseDelegateExecution> withoutAuthorization(
			DelegateListener<? extends BaseDelegateExecution> listener) {
		DelegateListener raw = listener;
		return (DelegateListener<BaseDelegateExecution>) execution -> Context.getCommandContext()
			.runWithoutAuthorization(() -> {
				raw.notify(execution);
				return null;
			});
	}

}
