package org.incidentflow.process;

import static org.incidentflow.incident.IncidentProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.springframework.stereotype.Component;

/**
 * Start listener: checks the reported facts of the start form before the record is created from them. The service
 * is optional here (a mail or an alert may not name one); triage requires it, the agent confirms it there.
 */
@Component("validateReport")
public class ValidateReport implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		Submission form = new Submission(execution);
		form.text(Vars.TITLE, "Title", Incident.TITLE_MAX);
		form.optionalText(Vars.DESCRIPTION, "Description", Incident.TEXT_MAX);
		form.text(Vars.CALLER, "Caller", Incident.NAME_MAX);
		form.code(Vars.CHANNEL, "Channel", Channel.values());
		form.optionalText(Vars.SERVICE, "Service", Incident.NAME_MAX);
		form.optionalText(Vars.CONFIGURATION_ITEM, "Configuration item", 200);
		form.code(Vars.INCIDENT_TYPE, "Incident type", IncidentType.values());
		form.code(Vars.IMPACT, "Impact", Level.values());
		form.code(Vars.URGENCY, "Urgency", Level.values());
	}

}
