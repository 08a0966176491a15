package org.incidentflow.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentNotice.Audience;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.IncidentRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every delegate of the incident process needs: the incident record behind an instance (business key = number),
 * the audit trail and notices. Runs in the engine's transaction, so record, audit and process state commit together.
 */
@Component
public class ProcessRecords {

	private final IncidentRepository incidents;
	private final ActivityLog activity;
	private final ApplicationEventPublisher events;

	public ProcessRecords(IncidentRepository incidents, ActivityLog activity, ApplicationEventPublisher events) {
		this.incidents = incidents;
		this.activity = activity;
		this.events = events;
	}

	/** The record of the instance. */
	public Incident of(DelegateExecution execution) {
		return find(execution.getProcessBusinessKey()).orElseThrow(() -> new IllegalStateException(
				"No incident record " + execution.getProcessBusinessKey() + " for the process instance"));
	}

	public Incident of(DelegateTask task) {
		return of(task.getExecution());
	}

	/** Another record, to read or link to. */
	public Optional<Incident> find(String number) {
		return number == null ? Optional.empty() : incidents.findByNumber(number);
	}

	/** Records a lifecycle event; every change the process makes to a record comes with one. */
	public void event(Incident incident, String event, String detail) {
		touch(incident);
		activity.event(incident, event, detail);
	}

	/** The record shows when it last moved. */
	public void touch(Incident incident) {
		incident.setUpdatedAt(ActivityLog.now());
	}

	public void tellUser(Incident incident, Kind kind, String userId, String detail) {
		events.publishEvent(new IncidentNotice(incident.getNumber(), kind, Audience.USER, userId, detail));
	}

	public void tellGroup(Incident incident, Kind kind, String groupId, String detail) {
		events.publishEvent(new IncidentNotice(incident.getNumber(), kind, Audience.GROUP, groupId, detail));
	}

	static String string(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

}
