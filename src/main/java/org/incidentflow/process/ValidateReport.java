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

	/** The start form's caller option for someone without an account; {@link #CALLER_EMAIL} then names them. */
	static final String UNKNOWN_CALLER = "unknown";
	static final String CALLER_EMAIL = "callerEmail";
	/** What form-js checks as an e-mail address, no stricter: one @, a dot in the domain, no spaces. */
	static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

	@Override
	public void notify(DelegateExecution execution) {
		Submission form = new Submission(execution);
		form.text(Vars.TITLE, "Title", Incident.TITLE_MAX);
		form.optionalText(Vars.DESCRIPTION, "Description", Incident.TEXT_MAX);
		String caller = form.text(Vars.CALLER, "Caller", Incident.NAME_MAX);
		if (UNKNOWN_CALLER.equals(caller)) {
			// the start form's "someone not in the directory": the caller is the e-mail address typed beside it
			String email = form.text(CALLER_EMAIL, "Caller's e-mail address", Incident.NAME_MAX);
			if (!EMAIL.matcher(email).matches()) {
				throw new InvalidSubmissionException(CALLER_EMAIL, "Caller's e-mail address '" + email
						+ "' is not an e-mail address.");
			}
			execution.setVariable(Vars.CALLER, email.toLowerCase(java.util.Locale.ROOT));
		}
		execution.removeVariable(CALLER_EMAIL);
		form.code(Vars.CHANNEL, "Channel", Channel.values());
		form.optionalText(Vars.SERVICE, "Service", Incident.NAME_MAX);
		form.optionalText(Vars.CONFIGURATION_ITEM, "Configuration item", 200);
		form.code(Vars.INCIDENT_TYPE, "Incident type", IncidentType.values());
		form.code(Vars.IMPACT, "Impact", Level.values());
		form.code(Vars.URGENCY, "Urgency", Level.values());
	}

}
