package org.incidentflow.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.incidentflow.engine.EngineAsSystem;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.State;
import org.springframework.stereotype.Component;

/**
 * Proactive problem management: the decision {@code problem-detection} says, per new incident, which clusters to
 * watch (its service, its configuration item), over which window and from how many incidents on; this class counts
 * and proposes. Counted are incidents of the cluster reported within the window, linked to no problem, not canceled,
 * and not security incidents (restricted: they never appear in a proposal problem managers read).
 */
public final class ProblemDetection {

	/** A cluster as the decision names it. */
	record Cluster(String scope, String value, int windowDays, int threshold, String rule) {

		String key() {
			return scope + ":" + value.trim().toLowerCase(Locale.ROOT);
		}
	}

	private ProblemDetection() {
	}

	/** A dismissed proposal keeps its cluster quiet for one window: the problem managers already said no. */
	static boolean recentlyDismissed(ProblemProposalRepository proposals, Cluster cluster, Instant now) {
		return proposals.findFirstByClusterKeyOrderByIdDesc(cluster.key())
			.filter(p -> p.getState() == ProblemProposal.Status.DISMISSED)
			.filter(p -> p.getDecidedAt().isAfter(now.minus(Duration.ofDays(cluster.windowDays()))))
			.isPresent();
	}

	/** The incident numbers of the cluster within its window, oldest first. */
	static List<String> incidentsOf(EntityManager entityManager, Cluster cluster, Instant now) {
		String field = "service".equals(cluster.scope()) ? "service" : "configurationItem";
		// exact match, so that the indexes (service, reported_at) and (configuration_item, reported_at) answer it
		return entityManager.createQuery("select i.number from Incident i where i." + field + " = :value"
				+ " and i.reportedAt >= :since and i.problemNumber is null and i.type <> :security"
				+ " and i.state <> :canceled order by i.reportedAt, i.number", String.class)
			.setParameter("value", cluster.value())
			.setParameter("since", now.minus(Duration.ofDays(cluster.windowDays())))
			.setParameter("security", IncidentType.SECURITY)
			.setParameter("canceled", State.CANCELED)
			.setMaxResults(200)
			.getResultList();
	}

	/**
	 * Service task "Look for a problem pattern" of incident-management: evaluates the decision for the new incident
	 * and starts a proposal (process problem-proposal, asynchronous) for each cluster at its threshold that has no
	 * open proposal. Reads only; the proposal is registered in the proposal's own transaction.
	 */
	@Component("detectProblemPattern")
	public static class Detect implements JavaDelegate {

		private final DecisionService decisions;
		private final RuntimeService runtimeService;
		private final IncidentRepository incidents;
		private final ProblemProposalRepository proposals;
		private final EntityManager entityManager;

		public Detect(DecisionService decisions, RuntimeService runtimeService, IncidentRepository incidents,
				ProblemProposalRepository proposals, EntityManager entityManager) {
			this.decisions = decisions;
			this.runtimeService = runtimeService;
			this.incidents = incidents;
			this.proposals = proposals;
			this.entityManager = entityManager;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Incident incident = incidents.findByNumber(execution.getProcessBusinessKey()).orElseThrow(
					() -> new IllegalStateException("No incident record " + execution.getProcessBusinessKey()));
			if (incident.getProblemNumber() != null) {
				return;
			}
			Map<String, Object> inputs = new HashMap<>();
			inputs.put("service", incident.getService());
			inputs.put("incidentType", incident.getType().code());
			DmnDecisionResult result = EngineAsSystem.call(() -> decisions
				.evaluateDecisionByKey(ProblemProcess.DETECTION_DECISION).variables(inputs).evaluate());
			Instant now = ActivityLog.now();
			for (Map<String, Object> row : result.getResultList()) {
				String scope = (String) row.get("scope");
				String value = "service".equals(scope) ? incident.getService() : incident.getConfigurationItem();
				if (value == null || value.isBlank()) {
					continue;
				}
				Cluster cluster = new Cluster(scope, value, ((Number) row.get("windowDays")).intValue(),
						((Number) row.get("threshold")).intValue(), (String) row.get("rule"));
				if (proposals.findByOpenClusterKey(cluster.key()).isPresent() || recentlyDismissed(proposals, cluster, now)) {
					continue;
				}
				if (incidentsOf(entityManager, cluster, now).size() < cluster.threshold()) {
					continue;
				}
				Map<String, Object> variables = new HashMap<>();
				variables.put("clusterKey", cluster.key());
				variables.put("scope", cluster.scope());
				variables.put("scopeValue", cluster.value());
				variables.put("windowDays", cluster.windowDays());
				variables.put("threshold", cluster.threshold());
				variables.put(ProblemProcess.Vars.RULE, cluster.rule());
				variables.put(ProblemProcess.Vars.SERVICE, "service".equals(scope) ? value : incident.getService());
				variables.put(ProblemProcess.Vars.CONFIGURATION_ITEM,
						"service".equals(scope) ? null : incident.getConfigurationItem());
				variables.put("triggeredBy", incident.getNumber());
				EngineAsSystem.run(() -> runtimeService.startProcessInstanceByKey(ProblemProcess.PROPOSAL_KEY,
						cluster.key().length() > 255 ? cluster.key().substring(0, 255) : cluster.key(), variables));
			}
		}
	}

	/**
	 * First step of a proposal, in its own transaction (asynchronous start): registers the proposal under the unique
	 * cluster key. Of parallel proposals of one cluster the database lets one insert through; the others fail here,
	 * are retried by the job executor and then find the open proposal ({@code alreadyProposed}).
	 */
	@Component("registerProposal")
	public static class Register implements JavaDelegate {

		private final ProblemProposalRepository proposals;
		private final EntityManager entityManager;

		public Register(ProblemProposalRepository proposals, EntityManager entityManager) {
			this.proposals = proposals;
			this.entityManager = entityManager;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String key = (String) execution.getVariable("clusterKey");
			if (proposals.findByOpenClusterKey(key).isPresent()) {
				execution.setVariable("alreadyProposed", true);
				return;
			}
			Cluster cluster = new Cluster((String) execution.getVariable("scope"),
					(String) execution.getVariable("scopeValue"), (Integer) execution.getVariable("windowDays"),
					(Integer) execution.getVariable("threshold"), (String) execution.getVariable(ProblemProcess.Vars.RULE));
			List<String> numbers = incidentsOf(entityManager, cluster, ActivityLog.now());
			if (numbers.size() < cluster.threshold()) {
				// linked or canceled in the meantime: nothing to propose any more
				execution.setVariable("alreadyProposed", true);
				return;
			}
			ProblemProposal proposal = new ProblemProposal(key, cluster.rule(),
					(String) execution.getVariable(ProblemProcess.Vars.SERVICE),
					(String) execution.getVariable(ProblemProcess.Vars.CONFIGURATION_ITEM), String.join(",", numbers),
					ActivityLog.now());
			proposal.setProcessInstanceId(execution.getProcessInstanceId());
			// flush now: a parallel proposal of the cluster must fail this job, not the engine's later flush
			proposals.saveAndFlush(proposal);
			execution.setVariable("alreadyProposed", false);
			execution.setVariable(ProblemProcess.Vars.PROPOSAL_ID, proposal.getId());
			execution.setVariable(ProblemProcess.Vars.INCIDENT_LIST, describe(numbers));
		}

		private String describe(List<String> numbers) {
			return numbers.stream()
				.map(number -> entityManager.createQuery("select i from Incident i where i.number = :n", Incident.class)
					.setParameter("n", number).getSingleResult())
				.map(i -> "- " + i.getNumber() + ": " + i.getTitle() + " (" + i.getState().name().toLowerCase(Locale.ROOT)
						+ ", reported " + i.getReportedAt() + ")")
				.collect(Collectors.joining("\n"));
		}
	}

	/** Accepted: one problem for the cluster, every proposed incident still without a problem linked to it. */
	@Component("raiseProposedProblem")
	public static class Raise implements JavaDelegate {

		private final ProblemProposalRepository proposals;
		private final ProblemManagement problems;
		private final IncidentRepository incidents;
		private final CurrentActor actor;

		public Raise(ProblemProposalRepository proposals, ProblemManagement problems, IncidentRepository incidents,
				CurrentActor actor) {
			this.proposals = proposals;
			this.problems = problems;
			this.incidents = incidents;
			this.actor = actor;
		}

		@Override
		public void execute(DelegateExecution execution) {
			ProblemProposal proposal = proposals.findById(((Number) execution.getVariable(ProblemProcess.Vars.PROPOSAL_ID)).longValue())
				.orElseThrow();
			if (proposal.getState() != ProblemProposal.Status.OPEN) {
				return;
			}
			String subject = proposal.getConfigurationItem() != null ? proposal.getConfigurationItem() : proposal.getService();
			Problem problem = problems.raise(new NewProblem("Repeated incidents on " + subject,
					"Proposed by problem-detection: " + proposal.getRuleName() + ". Incidents: "
							+ proposal.getIncidentNumbers().replace(",", ", "),
					proposal.getService(), proposal.getConfigurationItem(),
					ProblemSteps.text(execution, ProblemProcess.Vars.OWNER_GROUP)), ProblemOrigin.DETECTION);
			for (String number : proposal.getIncidentNumbers().split(",")) {
				incidents.findByNumber(number).filter(i -> i.getProblemNumber() == null)
					.ifPresent(incident -> problems.link(problem, incident));
			}
			proposal.accept(problem.getNumber(), actor.userId(), ActivityLog.now());
			execution.setVariable(ProblemProcess.Vars.PROBLEM_NUMBER, problem.getNumber());
		}
	}

	/** Dismissed: the cluster may be proposed again by a later incident. */
	@Component("dismissProposal")
	public static class Dismiss implements JavaDelegate {

		private final ProblemProposalRepository proposals;
		private final CurrentActor actor;

		public Dismiss(ProblemProposalRepository proposals, CurrentActor actor) {
			this.proposals = proposals;
			this.actor = actor;
		}

		@Override
		public void execute(DelegateExecution execution) {
			proposals.findById(((Number) execution.getVariable(ProblemProcess.Vars.PROPOSAL_ID)).longValue())
				.filter(p -> p.getState() == ProblemProposal.Status.OPEN)
				.ifPresent(p -> p.dismiss(actor.userId(), ActivityLog.now()));
		}
	}

}
