package org.incidentflow.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.springframework.stereotype.Component;

/** Assignment listener of the agents' tasks: the record shows who works on the incident. */
@Component("recordAssignee")
public class RecordAssignee implements TaskListener {

	private final ProcessRecords records;
	private final CurrentActor actor;

	public RecordAssignee(ProcessRecords records, CurrentActor actor) {
		this.records = records;
		this.actor = actor;
	}

	@Override
	public void notify(DelegateTask task) {
		Incident incident = records.of(task);
		String assignee = task.getAssignee();
		incident.setAssignee(assignee);
		records.touch(incident);
		if (assignee != null && !assignee.equals(actor.userId())) {
			records.tellUser(incident, Kind.ASSIGNED, assignee, "Assigned to you: " + task.getName());
		}
	}

}
