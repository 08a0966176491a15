package org.incidentflow.portal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code incidentflow.portal.*} in application.yaml (README, "Self-service portal"). */
@Component
@ConfigurationProperties(prefix = "incidentflow.portal")
public class PortalSettings {

	/**
	 * The business services a requester picks from when reporting (free text is accepted too): the names the
	 * categorization decision routes on ({@code processes/incident-categorization.dmn}).
	 */
	private List<String> services = new ArrayList<>();

	/** Articles and workarounds shown per search or per title typed. */
	private int suggestions = 5;

	public List<String> getServices() { return services; }
	public void setServices(List<String> services) { this.services = services; }
	public int getSuggestions() { return suggestions; }
	public void setSuggestions(int suggestions) { this.suggestions = suggestions; }

}
