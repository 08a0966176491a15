package org.incidentflow.process;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.State;
import org.incidentflow.sla.SlaClock;
import org.springframework.stereotype.Component;

/** Ends the hold: the SLA due dates move by exactly the time on hold and the timers follow them. */
@Component("resumeWork")
public class ResumeWork implements JavaDelegate {

	private final ProcessRecords records;
	private final SlaClock clock;

	public ResumeWork(ProcessRecords records, SlaClock clock) {
		this.records = records;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		String reason = incident.getOnHoldReason() == null ? "" : " (" + incident.getOnHoldReason().code().replace('_', ' ') + ")";
		Duration paused = clock.resume(execution, incident);
		incident.setState(State.IN_PROGRESS);
		incident.setOnHoldReason(null);
		records.event(incident, "RESUMED", "Work resumed after " + paused.toMinutes() + " min on hold" + reason
				+ "; SLA due dates moved accordingly");
	}

}
