package org.incidentflow.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.incidentflow.incident.IncidentProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link CiDecisionInputs} (start and end) to every business rule task of the incident process as the engine
 * parses a model, so that every version, also one a process owner deploys from Camunda Modeler, evaluates its
 * decisions with the CI's owner group and criticality. The listener is looked up when it runs: the engine is built
 * before the beans it reads the record with.
 */
@Component
public class CiDecisionInputsPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<CiDecisionInputs> inputs;

	public CiDecisionInputsPlugin(ObjectProvider<CiDecisionInputs> inputs) {
		this.inputs = inputs;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						&& IncidentProcess.KEY.equals(definition.getKey())) {
					ExecutionListener listener = new Lookup();
					activity.addListener(ExecutionListener.EVENTNAME_START, listener, 0);
					activity.addListener(ExecutionListener.EVENTNAME_END, listener);
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private final class Lookup implements ExecutionListener {
		@Override
		public void notify(DelegateExecution execution) throws Exception {
			inputs.getObject().notify(execution);
		}
	}

}
