package org.incidentflow.intake.email;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Comment.Visibility;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentComments;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.OnHoldReason;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.mail.MailMessage;
import org.incidentflow.mail.MailMessage.Direction;
import org.incidentflow.mail.MailMessage.Outcome;
import org.incidentflow.mail.MailMessageRepository;
import org.incidentflow.mail.MailSettings;
import org.incidentflow.metrics.ProductMetrics;
import org.incidentflow.persistence.TransactionRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The email channel: a new mail opens an incident, a reply comments on its incident (or follows up a closed one),
 * automatic mail is skipped. A reply touches its incident only when the sender may act on it (the caller, or an agent
 * who may see the incident); anyone else's reply opens a new incident of their own, unlinked, as ServiceNow and Jira
 * Service Management do, so knowing an incident number or a Message-ID grants nothing. Each Message-ID is processed once: its row in {@code mail_message} is inserted first,
 * under a unique constraint, in the same transaction as everything the mail causes.
 */
@Service
public class MailIntake {

	public record Result(Outcome outcome, String incidentNumber, boolean duplicate) {
	}

	static final Pattern INCIDENT_NUMBER = Pattern.compile("INC-\\d{6}");
	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private final MailMessageRepository mails;
	private final IncidentRepository incidents;
	private final IncidentReporting reporting;
	private final IncidentComments comments;
	private final ActivityLog activity;
	private final IdentityService identityService;
	private final ApplicationEventPublisher events;
	private final TransactionRetry retry;
	private final MailSettings settings;
	private final MailClassification classification;
	private final ProductMetrics metrics;

	public MailIntake(MailMessageRepository mails, IncidentRepository incidents, IncidentReporting reporting,
			IncidentComments comments, ActivityLog activity, IdentityService identityService,
			ApplicationEventPublisher events, TransactionRetry retry, MailSettings settings,
			MailClassification classification, ProductMetrics metrics) {
		this.mails = mails;
		this.incidents = incidents;
		this.reporting = reporting;
		this.comments = comments;
		this.activity = activity;
		this.identityService = identityService;
		this.events = events;
		this.retry = retry;
		this.settings = settings;
		this.classification = classification;
		this.metrics = metrics;
	}

	/** Processes the mail in its own transaction; returns after commit. */
	public Result receive(IncomingMail mail) {
		Result result = retry.inNewTransaction("mail " + mail.messageId(), () -> process(mail));
		if (!result.duplicate()) {
			metrics.mailReceived(result.outcome().name());
		}
		return result;
	}

	/** The work of {@link #receive}, in the caller's transaction. */
	public Result process(IncomingMail mail) {
		Optional<MailMessage> known = mails.findByMessageId(mail.messageId());
		if (known.isPresent()) {
			return new Result(known.get().getOutcome(), number(known.get().getIncidentId()), true);
		}
		// inserted first: a concurrent poller processing the same mail fails here and finds this row on retry
		MailMessage record = mails.saveAndFlush(new MailMessage(mail.messageId(), Direction.IN, Outcome.SKIPPED,
				mail.from(), mail.subject(), ActivityLog.now()));

		Optional<String> automatic = AutomaticMail.reason(mail, settings.getMessageIdDomain());
		if (automatic.isPresent()) {
			record.setReason(automatic.get());
			log.info("Mail {} from {} skipped: {}", mail.messageId(), mail.from(), automatic.get());
			return new Result(Outcome.SKIPPED, null, false);
		}
		String caller = caller(mail.from());
		Incident threaded = threadedIncident(mail).orElse(null);
		Incident incident = threaded != null && mayAct(mail.from(), caller, threaded) ? threaded : null;
		if (incident != null && incident.isOpen()) {
			boolean byCaller = isCaller(mail.from(), caller, incident);
			// the caller comments under the incident's own caller value, so that IncidentComments recognises them
			String author = byCaller ? incident.getCaller() : caller;
			String body = truncate(replyText(mail.text()), Incident.TEXT_MAX);
			boolean resumes = byCaller && incident.getState() == State.ON_HOLD
					&& incident.getOnHoldReason() == OnHoldReason.AWAITING_CALLER;
			comments.add(incident, truncate(author, Incident.NAME_MAX), Visibility.PUBLIC,
					body.isBlank() ? "(empty reply)" : body, "email");
			if (!resumes) {
				// resuming work is announced by the process; any other reply is announced here
				notifyWorkers(incident, "New reply by mail from " + author + ":\n\n" + body);
			}
			record.setIncidentId(incident.getId());
			record.setOutcome(Outcome.COMMENTED);
			return new Result(Outcome.COMMENTED, incident.getNumber(), false);
		}
		// a sender who may not act on the threaded incident gets an incident of their own: its title loses the
		// other incident's number, or the acknowledgement would echo it and replies would thread back to it
		String title = incident == null && threaded != null
				? INCIDENT_NUMBER.matcher(nonNull(mail.subject())).replaceAll("").replaceAll("\\[\\s*]", "")
				: mail.subject();
		// classified from what the sender wrote (the title as stored, the body as read), corrected at triage
		String description = truncate(mail.text(), Incident.TEXT_MAX);
		MailClassification.Classification classified = classification.classify(title(title), description,
				mail.importance());
		Incident opened = reporting.report(new NewIncident(title(title), description,
				truncate(caller, Incident.NAME_MAX), Channel.EMAIL, null, null, classified.type(),
				classified.impact(), classified.urgency()));
		record.setIncidentId(opened.getId());
		if (incident != null) {
			opened.setFollowUpOf(incident);
			activity.event(opened, "FOLLOW_UP", "Follows up " + incident.getNumber() + " (" + incident.getState().code()
					+ "), reply by mail from " + mail.from());
			activity.event(incident, "FOLLOWED_UP", "Reply by mail opened follow-up " + opened.getNumber());
			record.setOutcome(Outcome.FOLLOW_UP);
		}
		else {
			record.setOutcome(Outcome.OPENED);
			if (threaded != null) {
				// internal record only (never mailed, not in the new incident's public activity)
				record.setReason(truncate("Reply to " + threaded.getNumber()
						+ " from a sender who may not act on it: opened as a new incident", 200));
				log.info("Mail {} from {} replies to {} but the sender may not act on it: opened {}",
						mail.messageId(), mail.from(), threaded.getNumber(), opened.getNumber());
			}
		}
		events.publishEvent(new IncidentNotice(opened.getNumber(), IncidentNotice.Kind.RECEIVED,
				IncidentNotice.Audience.USER, opened.getCaller(), "We have received your report \"" + opened.getTitle()
						+ "\" and logged it as " + opened.getNumber() + "."
						+ (incident == null ? "" : " It follows up " + incident.getNumber() + ", which was already closed.")));
		return new Result(record.getOutcome(), opened.getNumber(), false);
	}

	/**
	 * Whether the sender may comment on the incident by mail: its caller, or a Camunda user the product's access
	 * rules let see it (an agent; security incidents only for the cleared groups).
	 */
	private boolean mayAct(String address, String sender, Incident incident) {
		if (isCaller(address, sender, incident)) {
			return true;
		}
		if (sender.equals(address)) {
			return false; // not a Camunda user (unknown or ambiguous address)
		}
		Set<String> groups = identityService.createGroupQuery().groupMember(sender).list().stream()
			.map(Group::getId)
			.collect(Collectors.toSet());
		return IncidentAccess.maySee(new Viewer(sender, groups), incident);
	}

	/** The caller: the mapped Camunda user id, or for callers known only by address that address, in any case. */
	private static boolean isCaller(String address, String sender, Incident incident) {
		return sender.equals(incident.getCaller()) || address.equalsIgnoreCase(incident.getCaller());
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	/** By incident number in the subject first, then by the mails it replies to. */
	private Optional<Incident> threadedIncident(IncomingMail mail) {
		if (mail.subject() != null) {
			Matcher matcher = INCIDENT_NUMBER.matcher(mail.subject());
			while (matcher.find()) {
				Optional<Incident> incident = incidents.findByNumber(matcher.group());
				if (incident.isPresent()) {
					return incident;
				}
			}
		}
		if (mail.threadIds().isEmpty()) {
			return Optional.empty();
		}
		List<MailMessage> ancestors = mails.findByMessageIdInAndIncidentIdNotNull(mail.threadIds());
		for (String id : mail.threadIds()) {
			for (MailMessage ancestor : ancestors) {
				if (ancestor.getMessageId().equals(id)) {
					return incidents.findById(ancestor.getIncidentId());
				}
			}
		}
		return Optional.empty();
	}

	/** The Camunda user with that email address, else the address itself. */
	private String caller(String address) {
		List<User> users = identityService.createUserQuery().userEmail(address).list();
		return users.size() == 1 ? users.get(0).getId() : address;
	}

	private void notifyWorkers(Incident incident, String detail) {
		if (incident.getAssignee() != null) {
			events.publishEvent(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.CALLER_UPDATED,
					IncidentNotice.Audience.USER, incident.getAssignee(), detail));
		}
		else if (incident.getAssignmentGroup() != null) {
			events.publishEvent(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.CALLER_UPDATED,
					IncidentNotice.Audience.GROUP, incident.getAssignmentGroup(), detail));
		}
	}

	private String number(Long incidentId) {
		return incidentId == null ? null : incidents.findById(incidentId).map(Incident::getNumber).orElse(null);
	}

	private static String title(String subject) {
		String title = subject == null || subject.isBlank() ? "(no subject)" : subject.replaceAll("\\s+", " ").strip();
		return truncate(title, Incident.TITLE_MAX);
	}

	/** The new part of a reply: quoted lines and everything below the usual reply separators are dropped. */
	static String replyText(String text) {
		StringBuilder reply = new StringBuilder();
		for (String line : text.split("\\R", -1)) {
			String trimmed = line.strip();
			if (trimmed.matches("(?i)-+\\s*original message\\s*-+") || trimmed.matches("(?i)^on .+ wrote:$")
					|| trimmed.matches("(?i)^am .+ schrieb .+:$")) {
				break;
			}
			if (!trimmed.startsWith(">")) {
				reply.append(line).append('\n');
			}
		}
		return reply.toString().strip();
	}

	static String truncate(String value, int max) {
		if (value == null) {
			return null;
		}
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

}
