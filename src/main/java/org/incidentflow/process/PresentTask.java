package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.springframework.stereotype.Component;

/**
 * Create listener: makes a task readable and sortable in Tasklist. Name {@code Triage INC-000042: Email down (P2)},
 * due date = the SLA due date the task works against, Camunda task priority from the incident priority
 * (P1 = 100, P2 = 80, ... P5 = 20).
 */
@Component("presentTask")
public class PresentTask implements TaskListener {

	private static final int TITLE_IN_NAME = 120;

	@Override
	public void notify(DelegateTask task) {
		String title = (String) task.getVariable(Vars.TITLE);
		if (title != null && title.length() > TITLE_IN_NAME) {
			title = title.substring(0, TITLE_IN_NAME - 1) + "…";
		}
		Number priority = (Number) task.getVariable(Vars.PRIORITY);
		task.setName(task.getName() + " " + task.getExecution().getProcessBusinessKey() + ": " + title
				+ (priority == null ? "" : " (P" + priority + ")"));
		if (priority != null) {
			task.setPriority(taskPriority(priority.intValue()));
		}
		String due = switch (task.getTaskDefinitionKey()) {
			case Tasks.TRIAGE -> Vars.RESPONSE_DUE;
			case Tasks.INVESTIGATE -> Vars.RESOLUTION_DUE;
			default -> null;
		};
		if (due != null) {
			task.setDueDate((Date) task.getVariable(due));
		}
	}

	static int taskPriority(int incidentPriority) {
		return 120 - 20 * incidentPriority;
	}

}
