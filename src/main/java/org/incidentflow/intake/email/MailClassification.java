package org.incidentflow.intake.email;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Classifies a new incident opened by mail with the decision {@value #DECISION}, always in its latest deployed
 * version, so that process owners change the keywords by redeploying the table alone.
 */
@Component
public class MailClassification {

	public static final String DECISION = "email-classification";

	public record Classification(IncidentType type, Level impact, Level urgency) {
	}

	/** Only if a redeployed table lost its default rule or returns unknown codes: the intake must not stall. */
	static final Classification FALLBACK = new Classification(IncidentType.SOFTWARE, Level.MEDIUM, Level.MEDIUM);

	private static final Logger log = LoggerFactory.getLogger(MailClassification.class);

	private final DecisionService decisions;

	public MailClassification(DecisionService decisions) {
		this.decisions = decisions;
	}

	/** @param importance "high", "normal" or "low" ({@link IncomingMail#importance()}) */
	public Classification classify(String subject, String body, String importance) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", subject == null ? "" : subject);
		variables.put("body", body == null ? "" : body);
		variables.put("importance", importance == null ? "normal" : importance);
		DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
			.variables(variables)
			.evaluate()
			.getFirstResult();
		if (result == null) {
			log.warn("Decision {} classified no mail \"{}\": using {}", DECISION, subject, FALLBACK);
			return FALLBACK;
		}
		try {
			return new Classification(IncidentType.fromCode(result.getEntry("incidentType")),
					Level.fromCode(result.getEntry("impact")), Level.fromCode(result.getEntry("urgency")));
		}
		catch (RuntimeException e) {
			log.warn("Decision {} returned an invalid classification {}: using {}", DECISION, result, FALLBACK);
			return FALLBACK;
		}
	}

}
