package org.incidentflow.process;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the incident process a process owner may change without touching the model
 * ({@code incidentflow.process.*}); the model reads them as {@code ${processSettings.…}}.
 */
@Component
public class ProcessSettings {

	private final String confirmationPeriod;
	private final List<String> supportGroups;

	public ProcessSettings(@Value("${incidentflow.process.confirmation-period:P3D}") String confirmationPeriod,
			@Value("${incidentflow.process.support-groups:service-desk,network-ops,app-support,security-ops,incident-managers}") List<String> supportGroups) {
		Duration.parse(confirmationPeriod); // fail at start-up, not when the first timer is created
		this.confirmationPeriod = confirmationPeriod;
		this.supportGroups = List.copyOf(supportGroups);
	}

	/** How long the caller has to confirm a resolution before the incident closes by itself (ISO-8601). */
	public String getConfirmationPeriod() {
		return confirmationPeriod;
	}

	/** Groups an incident may be assigned or escalated to, besides any group known to the identity service. */
	public List<String> getSupportGroups() {
		return supportGroups;
	}

}
