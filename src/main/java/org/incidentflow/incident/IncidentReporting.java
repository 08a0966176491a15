package org.incidentflow.incident;

import static org.incidentflow.incident.IncidentProcess.Vars;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs a new incident: the record (with its number) and the process instance (business key = number) are created in
 * one transaction, whichever channel reported it. Incidents started from Tasklist's start form have no record yet;
 * the model's start listener calls {@link #logStartedProcess(DelegateExecution)} for them.
 */
@Service
public class IncidentReporting {

	private final IncidentRepository incidents;
	private final RuntimeService runtimeService;
	private final ActivityLog activity;
	private final ConfigurationItemLinks configurationItems;

	public IncidentReporting(IncidentRepository incidents, RuntimeService runtimeService, ActivityLog activity,
			ConfigurationItemLinks configurationItems) {
		this.incidents = incidents;
		this.runtimeService = runtimeService;
		this.activity = activity;
		this.configurationItems = configurationItems;
	}

	@Transactional
	public Incident report(NewIncident report) {
		Incident incident = createRecord(report);
		Map<String, Object> variables = processVariables(incident);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, incident.getNumber(),
				variables);
		incident.setProcessInstanceId(instance.getProcessInstanceId());
		return incident;
	}

	/**
	 * Start listener of the model: creates the record for an instance started without one (Tasklist start form) and
	 * makes its number the business key. Idempotent: an instance that already has its record is left alone.
	 */
	@Transactional
	public void logStartedProcess(DelegateExecution execution) {
		String businessKey = execution.getProcessBusinessKey();
		if (businessKey != null && incidents.findByNumber(businessKey).isPresent()) {
			return;
		}
		NewIncident report = new NewIncident(
				(String) execution.getVariable(Vars.TITLE),
				(String) execution.getVariable(Vars.DESCRIPTION),
				(String) execution.getVariable(Vars.CALLER),
				Channel.fromCode((String) execution.getVariable(Vars.CHANNEL)),
				(String) execution.getVariable(Vars.SERVICE),
				(String) execution.getVariable(Vars.CONFIGURATION_ITEM),
				IncidentType.fromCode((String) execution.getVariable(Vars.INCIDENT_TYPE)),
				Level.fromCode((String) execution.getVariable(Vars.IMPACT)),
				Level.fromCode((String) execution.getVariable(Vars.URGENCY)))
			// the agent signed in to Tasklist who filled the start form (the model's initiator variable)
			.reportedBy((String) execution.getVariable(Vars.REPORTED_BY));
		Incident incident = createRecord(report);
		incident.setProcessInstanceId(execution.getProcessInstanceId());
		execution.setProcessBusinessKey(incident.getNumber());
		execution.setVariable(Vars.INCIDENT_NUMBER, incident.getNumber());
		// the start form's CI and service as the record linked them, so the decisions and task forms agree with it
		execution.setVariable(Vars.SERVICE, incident.getService());
		execution.setVariable(Vars.CONFIGURATION_ITEM, incident.getConfigurationItem());
	}

	private Incident createRecord(NewIncident report) {
		Incident incident = new Incident(report.title(), report.caller(), report.channel(), report.type(),
				report.impact(), report.urgency(), ActivityLog.now());
		incident.setDescription(report.description());
		incident.reportedBy(report.reportedBy());
		incident.setService(report.service());
		incident.setConfigurationItem(report.configurationItem());
		Optional<ConfigurationItemLinks.LinkedItem> linked = configurationItems.resolve(report.configurationItem());
		if (linked.isPresent()) {
			incident.setConfigurationItem(linked.get().id());
			if (report.service() == null || report.service().isBlank()) {
				incident.setService(linked.get().service());
			}
		}
		// the number must be set before persist(): Hibernate inserts the state it saw at persist time
		incident.setNumber(Incident.formatNumber(incidents.nextNumber()));
		incident = incidents.save(incident);
		activity.event(incident, "REPORTED", "Reported via " + report.channel().code() + " by "
				+ (report.reportedBy() == null || report.reportedBy().equals(report.caller()) ? report.caller()
						: report.reportedBy() + " for " + report.caller()));
		return incident;
	}

	private static Map<String, Object> processVariables(Incident incident) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.INCIDENT_NUMBER, incident.getNumber());
		variables.put(Vars.TITLE, incident.getTitle());
		variables.put(Vars.DESCRIPTION, incident.getDescription());
		variables.put(Vars.CALLER, incident.getCaller());
		variables.put(Vars.CHANNEL, incident.getChannel().code());
		variables.put(Vars.SERVICE, incident.getService());
		variables.put(Vars.CONFIGURATION_ITEM, incident.getConfigurationItem());
		variables.put(Vars.INCIDENT_TYPE, incident.getType().code());
		variables.put(Vars.IMPACT, incident.getImpact().code());
		variables.put(Vars.URGENCY, incident.getUrgency().code());
		return variables;
	}

}
