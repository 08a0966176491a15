package org.incidentflow.major.detection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.engine.EngineAsSystem;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.major.MajorIncidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Service task "Look for a major incident" of incident-management, after intake and after triage (when the priority,
 * service or CI may have changed): a report of a service with an open major incident joins it; otherwise the decision
 * {@code major-incident-detection} decides on the facts ({@link DetectionFacts}) whether to propose or promote. Reads
 * only: what changes records (join, declare, register a proposal) runs in the visible steps of
 * {@code major-incident-proposal}, started asynchronously, in its own transaction.
 */
@Component("detectMajorIncident")
public class MajorIncidentDetection implements JavaDelegate {

	public static final String DECISION = "major-incident-detection";
	public static final String PROCESS = "major-incident-proposal";
	/** The window the facts are counted over first; a rule naming another window has them counted again. */
	static final int FIRST_WINDOW_MINUTES = 30;

	private static final Logger log = LoggerFactory.getLogger(MajorIncidentDetection.class);

	/** Process variables of major-incident-proposal (= form field keys of review-major-proposal). */
	public static final class Vars {
		public static final String ACTION = "detectionAction";
		public static final String SERVICE = "service";
		public static final String CLUSTER_KEY = "clusterKey";
		public static final String TRIGGERED_BY = "triggeredBy";
		public static final String MAJOR_NUMBER = "majorNumber";
		public static final String RULE = "rule";
		public static final String WINDOW_MINUTES = "windowMinutes";
		public static final String DECISION_INPUTS = "decisionInputs";
		public static final String ALREADY_PROPOSED = "alreadyProposed";
		public static final String PROPOSAL_ID = "proposalId";
		public static final String PROPOSAL_TITLE = "proposalTitle";
		public static final String INCIDENT_LIST = "incidentList";
		public static final String ACCEPTED = "majorAccepted";
		public static final String REJECT_REASON = "rejectReason";

		private Vars() {
		}
	}

	private final DecisionService decisions;
	private final RuntimeService runtimeService;
	private final IncidentRepository incidents;
	private final DetectionFacts facts;
	private final MajorIncidentProposalRepository proposals;
	private final ObjectProvider<MajorIncidents> majorIncidents;

	public MajorIncidentDetection(DecisionService decisions, RuntimeService runtimeService, IncidentRepository incidents,
			DetectionFacts facts, MajorIncidentProposalRepository proposals, ObjectProvider<MajorIncidents> majorIncidents) {
		this.decisions = decisions;
		this.runtimeService = runtimeService;
		this.incidents = incidents;
		this.facts = facts;
		this.proposals = proposals;
		this.majorIncidents = majorIncidents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = incidents.findByNumber(execution.getProcessBusinessKey()).orElseThrow(
				() -> new IllegalStateException("No incident record " + execution.getProcessBusinessKey()));
		MajorIncidents majors = majorIncidents.getIfAvailable();
		if (majors == null) {
			log.warn("No MajorIncidents implementation deployed: major-incident detection is off");
			return;
		}
		// a child is handled by its parent; security incidents are restricted and never clustered
		if (incident.getParent() != null || incident.getType() == IncidentType.SECURITY) {
			return;
		}
		String service = facts.serviceOf(incident);
		if (service == null) {
			return;
		}
		Optional<String> openMajor = EngineAsSystem.call(() -> majors.openMajorIncidentFor(service));
		if (openMajor.isPresent()) {
			if (!openMajor.get().equals(incident.getNumber())) {
				Map<String, Object> variables = start("join", service, incident);
				variables.put(Vars.MAJOR_NUMBER, openMajor.get());
				variables.put(Vars.RULE, "Service " + service + " has the open major incident " + openMajor.get());
				startProposalProcess(service, variables);
			}
			return;
		}
		DetectionFacts.Facts counted = facts.of(incident, service, FIRST_WINDOW_MINUTES);
		DmnDecisionResultEntries decided = decide(counted);
		int window = ((Number) decided.getEntry("windowMinutes")).intValue();
		if (window != counted.windowMinutes()) {
			counted = facts.of(incident, service, window);
			decided = decide(counted);
		}
		String action = decided.getEntry("action");
		if (!"propose".equals(action) && !"promote".equals(action)) {
			return;
		}
		if ("propose".equals(action) && proposals.findByOpenClusterKey(DetectionFacts.clusterKey(service)).isPresent()) {
			// proposed already: the open proposal lists the cluster as it is when the incident managers decide
			return;
		}
		Map<String, Object> variables = start(action, service, incident);
		variables.put(Vars.RULE, decided.getEntry("rule"));
		variables.put(Vars.WINDOW_MINUTES, ((Number) decided.getEntry("windowMinutes")).intValue());
		variables.put(Vars.DECISION_INPUTS, counted.describe());
		startProposalProcess(service, variables);
	}

	private DmnDecisionResultEntries decide(DetectionFacts.Facts counted) {
		return EngineAsSystem.call(() -> decisions.evaluateDecisionByKey(DECISION).variables(counted.variables()).evaluate())
			.getFirstResult();
	}

	private static Map<String, Object> start(String action, String service, Incident incident) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.ACTION, action);
		variables.put(Vars.SERVICE, service);
		variables.put(Vars.CLUSTER_KEY, DetectionFacts.clusterKey(service));
		variables.put(Vars.TRIGGERED_BY, incident.getNumber());
		variables.put(Vars.WINDOW_MINUTES, FIRST_WINDOW_MINUTES);
		return variables;
	}

	private void startProposalProcess(String service, Map<String, Object> variables) {
		String key = DetectionFacts.clusterKey(service);
		EngineAsSystem.run(() -> runtimeService.startProcessInstanceByKey(PROCESS, key.length() > 255 ? key.substring(0, 255) : key,
				variables));
	}

}
