package org.incidentflow.process;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The SLA timer jobs of one process instance, read and fired against the engine clock (the job executor is off in tests). */
public class SlaTimers {

	private final ManagementService managementService;

	public SlaTimers(ManagementService managementService) {
		this.managementService = managementService;
	}

	public Job timer(ProcessInstance instance, String activityId) {
		return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
			.singleResult();
	}

	/** Active timers whose due date has come by the engine clock. */
	public List<Job> due(ProcessInstance instance) {
		return managementService.createJobQuery().processInstanceId(instance.getId()).timers().active().list().stream()
			.filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime()))
			.toList();
	}

	/** Executes due timers until none is left (a fired timer may schedule another one that is due too). */
	public void fireDue(ProcessInstance instance) {
		List<Job> due;
		while (!(due = due(instance)).isEmpty()) {
			due.forEach(job -> managementService.executeJob(job.getId()));
		}
	}

}
