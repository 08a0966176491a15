package org.incidentflow.process;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.incidentflow.incident.Incident;
import org.incidentflow.sla.SlaClock;
import org.springframework.stereotype.Component;

/**
 * End listener of the SLA rule tasks: turns the targets of {@code incident-sla} into due dates (process variables the
 * timers use, and the record) and reschedules SLA timers already running.
 */
@Component("applySlaTargets")
public class ApplySlaTargets implements ExecutionListener {

	private final ProcessRecords records;
	private final SlaClock clock;

	public ApplySlaTargets(ProcessRecords records, SlaClock clock) {
		this.records = records;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		DmnDecisionResult result = (DmnDecisionResult) execution.getVariable("decisionResult");
		Map<String, Object> row = result.getSingleResult().getEntryMap();
		SlaClock.Targets targets = new SlaClock.Targets((String) row.get("responseTarget"),
				(String) row.get("resolutionTarget"), ((Number) row.get("warningPercent")).intValue(),
				(String) row.get("calendar"));
		Incident incident = records.of(execution);
		Instant due = incident.getResolutionDueAt();
		clock.applyTargets(execution, incident, targets);
		if (!incident.getResolutionDueAt().equals(due)) {
			records.touch(incident);
		}
	}

}
