package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentType;
import org.springframework.stereotype.Component;

/**
 * End listener of the categorisation rule tasks: takes category and assignment group from the decision
 * {@code incident-categorization} (transient {@code decisionResult}) into the process and onto the record, and the
 * triage group (the Triage task's candidate group) into the process; a table without that output leaves triage to
 * the assignment group.
 */
@Component("recordCategorization")
public class RecordCategorization implements ExecutionListener {

	private final ProcessRecords records;

	public RecordCategorization(ProcessRecords records) {
		this.records = records;
	}

	@Override
	public void notify(DelegateExecution execution) {
		DmnDecisionResult result = (DmnDecisionResult) execution.getVariable("decisionResult");
		Map<String, Object> route = result.getSingleResult().getEntryMap();
		String category = (String) route.get(Vars.CATEGORY);
		String group = (String) route.get(Vars.ASSIGNMENT_GROUP);
		execution.setVariable(Vars.CATEGORY, category);
		execution.setVariable(Vars.ASSIGNMENT_GROUP, group);
		String triageGroup = (String) route.get(Vars.TRIAGE_GROUP);
		execution.setVariable(Vars.TRIAGE_GROUP, triageGroup == null || triageGroup.isBlank() ? group : triageGroup);

		Incident incident = records.of(execution);
		// the decision's inputs may have been corrected (triage, reclassification): the record shows what was decided on
		IncidentType type = IncidentType.fromCode((String) execution.getVariable(Vars.INCIDENT_TYPE));
		String service = ProcessRecords.string(execution, Vars.SERVICE);
		if (type != incident.getType() || !Objects.equals(service, incident.getService())) {
			incident.setType(type);
			incident.setService(service);
			records.touch(incident);
		}
		if (Objects.equals(category, incident.getCategory()) && Objects.equals(group, incident.getAssignmentGroup())) {
			return;
		}
		if (incident.getAssignmentGroup() != null && !group.equals(incident.getAssignmentGroup())) {
			incident.setAssignee(null);
		}
		incident.setCategory(category);
		incident.setAssignmentGroup(group);
		records.event(incident, "CATEGORIZED", "Category " + category + ", assigned to group " + group);
	}

}
