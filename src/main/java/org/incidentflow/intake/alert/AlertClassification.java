package org.incidentflow.intake.alert;

import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.springframework.stereotype.Component;

/**
 * The two decisions of the alert intake, always evaluated in their latest deployed version so that process owners
 * can change the rules by redeploying the tables alone.
 */
@Component
public class AlertClassification {

	public static final String CLASSIFICATION = "alert-classification";
	public static final String RESOLUTION = "alert-resolution";

	public record Classification(Level impact, Level urgency, IncidentType type) {
	}

	public enum ResolutionAction { RESOLVE, NOTIFY, RECORD }

	private final DecisionService decisions;

	public AlertClassification(DecisionService decisions) {
		this.decisions = decisions;
	}

	/** @param severity the alert's {@code severity} label, any case, or null */
	public Classification classify(String severity) {
		String normalized = severity == null ? "" : severity.strip().toLowerCase(Locale.ROOT);
		DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(CLASSIFICATION)
			.variables(Map.of("severity", normalized))
			.evaluate()
			.getSingleResult();
		return new Classification(Level.fromCode(result.getEntry("impact")), Level.fromCode(result.getEntry("urgency")),
				IncidentType.fromCode(result.getEntry("incidentType")));
	}

	/** @param priority null while the process has not prioritised the incident */
	public ResolutionAction onResolved(boolean allAlertsResolved, String incidentState, Integer priority) {
		java.util.Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("allAlertsResolved", allAlertsResolved);
		variables.put("incidentState", incidentState);
		variables.put("priority", priority);
		DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(RESOLUTION)
			.variables(variables)
			.evaluate()
			.getSingleResult();
		String action = result == null ? null : result.getEntry("action");
		return action == null ? ResolutionAction.RECORD : ResolutionAction.valueOf(action.toUpperCase(Locale.ROOT));
	}

}
