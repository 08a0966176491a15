package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.State;
import org.incidentflow.sla.SlaClock;
import org.incidentflow.sla.SlaStatus;
import org.incidentflow.knowledge.KnowledgeFromForm;
import org.springframework.stereotype.Component;

/**
 * The incident is resolved, by an agent (Investigate) or by monitoring (message {@code AlertsResolved}); the caller is
 * told and asked to confirm.
 */
@Component("recordResolution")
public class RecordResolution implements JavaDelegate {

	/** Used when monitoring resolves an incident without a code of its own. */
	static final String ALERTS_RESOLVED = "alerts_resolved";

	private final ProcessRecords records;
	private final SlaClock clock;
	private final KnowledgeFromForm knowledge;

	public RecordResolution(ProcessRecords records, SlaClock clock, KnowledgeFromForm knowledge) {
		this.records = records;
		this.clock = clock;
		this.knowledge = knowledge;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = records.of(execution);
		clock.endPause(execution, incident);
		String code = ProcessRecords.string(execution, Vars.RESOLUTION_CODE);
		String notes = ProcessRecords.string(execution, Vars.RESOLUTION_NOTES);
		incident.setOnHoldReason(null);
		incident.setState(State.RESOLVED);
		incident.setResolvedAt(ActivityLog.now());
		if (incident.getFirstResponseAt() == null) {
			incident.setFirstResponseAt(incident.getResolvedAt());
		}
		incident.setResolutionCode(code == null ? ALERTS_RESOLVED : code);
		incident.setResolutionNotes(notes);
		incident.setWorkaround(ProcessRecords.string(execution, Vars.WORKAROUND));
		// resolved with a known error or article chosen in the form's knowledge suggestions (org.incidentflow.knowledge)
		knowledge.apply(execution, incident);
		SlaStatus.refresh(execution, incident);
		records.event(incident, "RESOLVED", incident.getResolutionCode().replace('_', ' ')
				+ (notes == null ? "" : ": " + notes));
		records.tellUser(incident, Kind.RESOLVED, incident.getCaller(),
				notes == null ? "Your incident is resolved." : notes);
	}

}
