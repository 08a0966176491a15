package org.incidentflow.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.incidentflow.incident.ConfigurationItemLinks;
import org.incidentflow.incident.ConfigurationItemLinks.LinkedItem;
import org.springframework.stereotype.Component;

/**
 * The registered configuration item of the incident as inputs of the decisions the incident process evaluates
 * ({@code incident-priority}, {@code functional-escalation}, any other table a process owner extends):
 * {@value #OWNER_GROUP} and {@value #CRITICALITY}, null when the record names no registered CI.
 * <p>
 * Read from the record and the registry at the start of each business rule task, not kept in the process: the CI
 * can be corrected in triage and its owner group or criticality changed in the registry while the incident runs,
 * and a decision must see them as they are. They are removed again at the end of the task, so no stale copy is left
 * on the instance; the decision's history keeps the values it was evaluated with. {@link CiDecisionInputsPlugin}
 * attaches this listener to every business rule task of the incident process, old versions and versions deployed
 * from Camunda Modeler included, so the tables can use the inputs without a change to the model.
 */
@Component("ciDecisionInputs")
public class CiDecisionInputs implements ExecutionListener {

	public static final String OWNER_GROUP = "ciOwnerGroup";
	public static final String CRITICALITY = "ciCriticality";

	private final ProcessRecords records;
	private final ConfigurationItemLinks configurationItems;

	public CiDecisionInputs(ProcessRecords records, ConfigurationItemLinks configurationItems) {
		this.records = records;
		this.configurationItems = configurationItems;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (EVENTNAME_END.equals(execution.getEventName())) {
			execution.removeVariable(OWNER_GROUP);
			execution.removeVariable(CRITICALITY);
			return;
		}
		Optional<LinkedItem> item = records.find(execution.getProcessBusinessKey())
			.flatMap(incident -> configurationItems.resolve(incident.getConfigurationItem()));
		execution.setVariable(OWNER_GROUP, item.map(LinkedItem::ownerGroup).orElse(null));
		execution.setVariable(CRITICALITY, item.map(LinkedItem::criticality).orElse(null));
	}

}
