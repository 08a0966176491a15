package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.Level;
import org.springframework.stereotype.Component;

/** End listener of the prioritisation rule tasks: puts the priority of {@code incident-priority} on the record. */
@Component("recordPriority")
public class RecordPriority implements ExecutionListener {

	private final ProcessRecords records;

	public RecordPriority(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Integer priority = ((Number) execution.getVariable(Vars.PRIORITY)).intValue();
		execution.setVariable(Vars.PRIORITY, priority);
		Incident incident = records.of(execution);
		Level impact = Level.fromCode((String) execution.getVariable(Vars.IMPACT));
		Level urgency = Level.fromCode((String) execution.getVariable(Vars.URGENCY));
		if (impact != incident.getImpact() || urgency != incident.getUrgency()) {
			incident.setImpact(impact);
			incident.setUrgency(urgency);
			records.touch(incident);
		}
		if (Objects.equals(priority, incident.getPriority())) {
			return;
		}
		incident.setPriority(priority);
		Object criticality = execution.getVariable(CiDecisionInputs.CRITICALITY);
		records.event(incident, "PRIORITIZED", "P" + priority + " from impact " + impact.code() + " and urgency "
				+ urgency.code() + (criticality == null ? "" : " (CI criticality " + criticality + ")"));
	}

}
