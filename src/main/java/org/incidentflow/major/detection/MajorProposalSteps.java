package org.incidentflow.major.detection;

import static org.incidentflow.major.detection.MajorIncidentDetection.Vars;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.incidentflow.engine.EngineAsSystem;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.CurrentActor;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.major.MajorIncidents;
import org.incidentflow.process.InvalidSubmissionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The record-changing steps of {@code major-incident-proposal}; each runs in the proposal's own transaction (the
 * process starts asynchronously), never in the transaction of the report that triggered it.
 */
public final class MajorProposalSteps {

	static final String DETECTION = "major-incident-detection";

	private MajorProposalSteps() {
	}

	/**
	 * Shared by the steps: the contract of the major incident. Linking tells the caller (MajorIncidents.link writes
	 * the activity of both records and the MAJOR_LINKED notice), so detection adds no notice of its own.
	 */
	@Component
	public static class Majors {

		private final ObjectProvider<MajorIncidents> majorIncidents;

		public Majors(ObjectProvider<MajorIncidents> majorIncidents) {
			this.majorIncidents = majorIncidents;
		}

		MajorIncidents contract() {
			return majorIncidents.getObject();
		}

		Optional<String> openFor(String service) {
			return EngineAsSystem.call(() -> contract().openMajorIncidentFor(service));
		}

		/** Links the report under the major incident; its caller is told that it is a known major incident. */
		void join(String child, String major, String reason) {
			if (child.equals(major)) {
				return;
			}
			EngineAsSystem.run(() -> contract().link(child, major, reason, DETECTION));
		}
	}

	/** Join: the service has an open major incident; the report becomes its child (caller told), no proposal. */
	@Component("joinMajorIncident")
	public static class Join implements JavaDelegate {

		private final Majors majors;

		public Join(Majors majors) {
			this.majors = majors;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String service = (String) execution.getVariable(Vars.SERVICE);
			String trigger = (String) execution.getVariable(Vars.TRIGGERED_BY);
			// the major incident may have been resolved since detection looked: join the one open now, if any
			majors.openFor(service).ifPresent(major -> {
				majors.join(trigger, major, "Reported for service " + service + " while its major incident is open");
				execution.setVariable(Vars.MAJOR_NUMBER, major);
			});
		}
	}

	/**
	 * Promote: declares the report major at once. The promotion holds the cluster's unique key for its transaction,
	 * so of parallel promotions (or a promotion and a proposal) of one service exactly one declares; the others fail
	 * on the key, are retried and then join the major incident. An open proposal of the cluster is decided by the
	 * promotion: its incidents become children.
	 */
	@Component("promoteMajorIncident")
	public static class Promote implements JavaDelegate {

		private final Majors majors;
		private final MajorIncidentProposalRepository proposals;

		public Promote(Majors majors, MajorIncidentProposalRepository proposals) {
			this.majors = majors;
			this.proposals = proposals;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String service = (String) execution.getVariable(Vars.SERVICE);
			String trigger = (String) execution.getVariable(Vars.TRIGGERED_BY);
			String rule = (String) execution.getVariable(Vars.RULE);
			Optional<String> open = majors.openFor(service);
			if (open.isPresent()) {
				majors.join(trigger, open.get(), "Reported for service " + service + " while its major incident is open");
				execution.setVariable(Vars.MAJOR_NUMBER, open.get());
				return;
			}
			String key = (String) execution.getVariable(Vars.CLUSTER_KEY);
			Instant now = ActivityLog.now();
			Optional<MajorIncidentProposal> openProposal = proposals.lockOpen(key);
			if (openProposal.isEmpty()) {
				// a parallel promotion may have committed while this one waited for the lock: join what it declared
				Optional<String> declared = majors.openFor(service);
				if (declared.isPresent()) {
					majors.join(trigger, declared.get(), "Reported for service " + service + " while its major incident is open");
					execution.setVariable(Vars.MAJOR_NUMBER, declared.get());
					return;
				}
			}
			MajorIncidentProposal proposal = openProposal.orElseGet(() -> {
				MajorIncidentProposal promoted = new MajorIncidentProposal(key, service, rule,
						(String) execution.getVariable(Vars.DECISION_INPUTS), List.of(trigger), now);
				promoted.setProcessInstanceId(execution.getProcessInstanceId());
				// flush now: a parallel promotion of the cluster must fail this job, not the engine's later flush
				return proposals.saveAndFlush(promoted);
			});
			String major = EngineAsSystem.call(() -> majors.contract().declare(trigger, "Promoted by " + DETECTION + ": " + rule,
					DETECTION));
			for (String number : proposal.incidentNumberList()) {
				majors.join(number, major, "Part of the cluster of service " + service + " when " + major + " was promoted");
			}
			proposal.promote(major, now);
			execution.setVariable(Vars.MAJOR_NUMBER, major);
			execution.setVariable(Vars.PROPOSAL_ID, proposal.getId());
		}
	}

	/**
	 * First step of a proposal: registers it under the unique key of its cluster. Of parallel proposals of one
	 * cluster the database lets one insert through; the others fail here, are retried by the job executor and then
	 * find the open proposal ({@code alreadyProposed}). When a major incident of the service was declared meanwhile,
	 * the triggering report joins it instead.
	 */
	@Component("registerMajorProposal")
	public static class Register implements JavaDelegate {

		private final Majors majors;
		private final MajorIncidentProposalRepository proposals;
		private final DetectionFacts facts;
		private final IncidentRepository incidents;

		public Register(Majors majors, MajorIncidentProposalRepository proposals, DetectionFacts facts,
				IncidentRepository incidents) {
			this.majors = majors;
			this.proposals = proposals;
			this.facts = facts;
			this.incidents = incidents;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String service = (String) execution.getVariable(Vars.SERVICE);
			String key = (String) execution.getVariable(Vars.CLUSTER_KEY);
			Optional<String> open = majors.openFor(service);
			if (open.isPresent()) {
				majors.join((String) execution.getVariable(Vars.TRIGGERED_BY), open.get(),
						"Reported for service " + service + " while its major incident is open");
				execution.setVariable(Vars.ALREADY_PROPOSED, true);
				return;
			}
			if (proposals.findByOpenClusterKey(key).isPresent()) {
				execution.setVariable(Vars.ALREADY_PROPOSED, true);
				return;
			}
			Instant now = ActivityLog.now();
			int window = ((Number) execution.getVariable(Vars.WINDOW_MINUTES)).intValue();
			List<String> cluster = facts.cluster(service, now.minus(Duration.ofMinutes(window)));
			if (cluster.isEmpty()) {
				// resolved or linked in the meantime: nothing to propose any more
				execution.setVariable(Vars.ALREADY_PROPOSED, true);
				return;
			}
			MajorIncidentProposal proposal = new MajorIncidentProposal(key, service,
					(String) execution.getVariable(Vars.RULE), (String) execution.getVariable(Vars.DECISION_INPUTS),
					cluster, now);
			proposal.setProcessInstanceId(execution.getProcessInstanceId());
			// flush now: a parallel proposal of the cluster must fail this job, not the engine's later flush
			proposals.saveAndFlush(proposal);
			List<Incident> records = cluster.stream().map(n -> incidents.findByNumber(n).orElseThrow()).toList();
			Instant oldest = records.stream().map(Incident::getReportedAt).min(Comparator.naturalOrder()).orElse(now);
			long minutes = Math.max(1, (Duration.between(oldest, now).toSeconds() + 59) / 60);
			execution.setVariable(Vars.ALREADY_PROPOSED, false);
			execution.setVariable(Vars.PROPOSAL_ID, proposal.getId());
			execution.setVariable(Vars.PROPOSAL_TITLE, cluster.size() + " reports for service " + service + " in "
					+ minutes + (minutes == 1 ? " minute" : " minutes"));
			execution.setVariable(Vars.INCIDENT_LIST, describe(records));
		}

		static String describe(List<Incident> records) {
			return records.stream()
				.map(i -> "- " + i.getNumber() + " (P" + (i.getPriority() == null ? "?" : i.getPriority()) + ", "
						+ i.getState().name().toLowerCase(Locale.ROOT) + ", " + i.getCaller() + ", reported "
						+ i.getReportedAt() + "): " + i.getTitle())
				.collect(Collectors.joining("\n"));
		}
	}

	/**
	 * Accepted: declares the most severe report of the cluster (lowest priority number, then the earliest) major and
	 * links every other report of the cluster, as proposed and as it is now, as its children.
	 */
	@Component("acceptMajorProposal")
	public static class Accept implements JavaDelegate {

		private final Majors majors;
		private final MajorIncidentProposalRepository proposals;
		private final DetectionFacts facts;
		private final IncidentRepository incidents;
		private final CurrentActor actor;

		public Accept(Majors majors, MajorIncidentProposalRepository proposals, DetectionFacts facts,
				IncidentRepository incidents, CurrentActor actor) {
			this.majors = majors;
			this.proposals = proposals;
			this.facts = facts;
			this.incidents = incidents;
			this.actor = actor;
		}

		@Override
		public void execute(DelegateExecution execution) {
			MajorIncidentProposal proposal = proposals.lockById(((Number) execution.getVariable(Vars.PROPOSAL_ID)).longValue())
				.orElseThrow();
			if (proposal.getState() != MajorIncidentProposal.Status.OPEN) {
				// decided meanwhile (a promotion of the same service)
				execution.setVariable(Vars.MAJOR_NUMBER, proposal.getMajorNumber());
				return;
			}
			Instant now = ActivityLog.now();
			int window = ((Number) execution.getVariable(Vars.WINDOW_MINUTES)).intValue();
			Set<String> numbers = new LinkedHashSet<>(proposal.incidentNumberList());
			numbers.addAll(facts.cluster(proposal.getService(), now.minus(Duration.ofMinutes(window))));
			List<Incident> cluster = numbers.stream().map(incidents::findByNumber).flatMap(Optional::stream)
				.filter(i -> i.getParent() == null && DetectionFacts.OPEN.contains(i.getState()))
				.sorted(Comparator.comparing((Incident i) -> i.getPriority() == null ? 99 : i.getPriority())
					.thenComparing(Incident::getReportedAt).thenComparing(Incident::getNumber))
				.toList();
			String who = actor.userId();
			if (cluster.isEmpty()) {
				// every report was resolved or linked before the decision: nothing left to declare
				proposal.reject(who, now, "Accepted, but no report of the cluster was open any more");
				return;
			}
			String major = majors.openFor(proposal.getService()).orElseGet(() -> EngineAsSystem.call(() -> majors.contract()
				.declare(cluster.get(0).getNumber(), "Proposal accepted (" + proposal.getRuleName() + ")", who)));
			for (Incident child : cluster) {
				majors.join(child.getNumber(), major, "Part of the accepted proposal: " + proposal.getRuleName());
			}
			proposal.accept(major, who, now);
			execution.setVariable(Vars.MAJOR_NUMBER, major);
		}
	}

	/** Rejected: the cluster's size is kept; the decision proposes it again only from the table's growth factor. */
	@Component("rejectMajorProposal")
	public static class Reject implements JavaDelegate {

		private final MajorIncidentProposalRepository proposals;
		private final CurrentActor actor;

		public Reject(MajorIncidentProposalRepository proposals, CurrentActor actor) {
			this.proposals = proposals;
			this.actor = actor;
		}

		@Override
		public void execute(DelegateExecution execution) {
			proposals.lockById(((Number) execution.getVariable(Vars.PROPOSAL_ID)).longValue())
				.filter(p -> p.getState() == MajorIncidentProposal.Status.OPEN)
				.ifPresent(p -> p.reject(actor.userId(), ActivityLog.now(),
						(String) execution.getVariable(Vars.REJECT_REASON)));
		}
	}

	/**
	 * Complete listener of "Major incident proposed": the server-side check of its form (Camunda Forms validate only
	 * in the browser). A rejection needs a reason.
	 */
	@Component("validateMajorProposalReview")
	public static class ValidateReview implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			Object accepted = task.getVariable(Vars.ACCEPTED);
			if (!(accepted instanceof Boolean decision)) {
				throw new InvalidSubmissionException(Vars.ACCEPTED, "Declare a major incident is required.");
			}
			Object reason = task.getVariable(Vars.REJECT_REASON);
			if (!decision && (reason == null || reason.toString().isBlank())) {
				throw new InvalidSubmissionException(Vars.REJECT_REASON, "Why not is required.");
			}
			if (reason != null && (!(reason instanceof String text) || text.length() > 1000)) {
				throw new InvalidSubmissionException(Vars.REJECT_REASON, "Why not is too long (at most 1000 characters).");
			}
		}
	}

}
