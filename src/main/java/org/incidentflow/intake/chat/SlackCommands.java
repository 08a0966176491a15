package org.incidentflow.intake.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.Viewer;
import org.incidentflow.persistence.TransactionRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The {@code /incident} slash command, for a verified request: {@code /incident <title>} opens an incident for the
 * linked product user (channel {@code chat}, through the process like every other channel), {@code /incident status
 * INC-000123} shows state, priority, group and the last public update of an incident that user may see. An unlinked
 * chat user gets a clear answer and nothing is created. Opening takes one short transaction (well inside Slack's
 * three seconds); a retry of the same command (same {@code trigger_id}) answers with the incident it opened.
 */
@Service
public class SlackCommands {

	public static final String PLATFORM = "slack";

	private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);

	private static final Pattern STATUS = Pattern.compile("(?i)^status\\s+(INC-\\d{1,12})\\s*$");

	/** Opened by chat, classified at triage: the command gives only a title. */
	static final IncidentType TYPE = IncidentType.SOFTWARE;

	private final ChatIdentityRepository identities;
	private final ChatCommandRepository commands;
	private final IncidentReporting reporting;
	private final IncidentRepository incidents;
	private final ActivityRepository activity;
	private final IdentityService identityService;
	private final TransactionRetry transactions;

	public SlackCommands(ChatIdentityRepository identities, ChatCommandRepository commands,
			IncidentReporting reporting, IncidentRepository incidents, ActivityRepository activity,
			IdentityService identityService, TransactionRetry transactions) {
		this.identities = identities;
		this.commands = commands;
		this.reporting = reporting;
		this.incidents = incidents;
		this.activity = activity;
		this.identityService = identityService;
		this.transactions = transactions;
	}

	/** The reply, shown only to the user who typed the command (ephemeral). */
	public String handle(Map<String, String> form) {
		String team = form.getOrDefault("team_id", "");
		String slackUser = form.getOrDefault("user_id", "");
		String text = form.getOrDefault("text", "").strip();
		String command = form.getOrDefault("command", "/incident");
		if (team.isBlank() || slackUser.isBlank()) {
			return "This request carries no Slack team or user; nothing was done.";
		}
		Optional<Viewer> viewer = viewer(team + ":" + slackUser);
		if (viewer.isEmpty()) {
			return "Your Slack user (" + team + ":" + slackUser + ") is not linked to an Incident Flow user, so nothing"
					+ " was created. Ask an administrator to link it (POST /api/chat-identities).";
		}
		if (text.isEmpty() || text.equalsIgnoreCase("help")) {
			return "Usage: `" + command + " <what is wrong>` opens an incident for you; `" + command
					+ " status INC-000123` shows where an incident stands.";
		}
		Matcher status = STATUS.matcher(text);
		if (status.matches()) {
			return status(viewer.get(), status.group(1).toUpperCase(Locale.ROOT));
		}
		if (!IncidentAccess.hasAccess(viewer.get())) {
			return "Your Incident Flow user may not report incidents; nothing was created.";
		}
		String trigger = form.get("trigger_id");
		String conversation = team + ":" + form.getOrDefault("channel_id", "");
		String number = transactions.inNewTransaction("slack command", () -> open(viewer.get(), text, trigger,
				conversation));
		return "Opened " + number + ": " + title(text) + ". The service desk has it; `" + command + " status " + number
				+ "` shows where it stands.";
	}

	private String open(Viewer viewer, String text, String trigger, String conversation) {
		if (trigger != null && !trigger.isBlank()) {
			Optional<ChatCommand> earlier = commands.findByPlatformAndRequestKey(PLATFORM, cut(trigger, 200));
			if (earlier.isPresent()) {
				log.info("Slack command {} repeated: answered with {}", trigger, earlier.get().getIncidentNumber());
				return earlier.get().getIncidentNumber();
			}
		}
		Incident incident = reporting.report(new NewIncident(title(text), text.length() > Incident.TITLE_MAX
				? cut(text, Incident.TEXT_MAX) : null, viewer.userId(), Channel.CHAT, null, null, TYPE, Level.MEDIUM,
				Level.MEDIUM));
		if (trigger != null && !trigger.isBlank()) {
			// unique (platform, request_key): a concurrent retry loses here, rolls back and finds this row next time
			commands.saveAndFlush(new ChatCommand(PLATFORM, cut(trigger, 200), incident.getNumber(),
					cut(conversation, 200), ActivityLog.now()));
		}
		log.info("Slack command opened {} for {}", incident.getNumber(), viewer.userId());
		return incident.getNumber();
	}

	private String status(Viewer viewer, String number) {
		return transactions.inNewTransaction("slack status", () -> {
			Incident incident = incidents.findByNumber(number).orElse(null);
			if (incident == null || !IncidentAccess.maySee(viewer, incident)) {
				return "There is no incident " + number + " that you may see.";
			}
			StringBuilder reply = new StringBuilder();
			reply.append(number).append(": ").append(incident.getTitle()).append("\nState ")
				.append(incident.getState().code());
			if (incident.getPriority() != null) {
				reply.append(" · P").append(incident.getPriority());
			}
			if (incident.getAssignmentGroup() != null) {
				reply.append(" · group ").append(incident.getAssignmentGroup());
			}
			List<ActivityEntry> entries = activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId());
			for (int i = entries.size() - 1; i >= 0; i--) {
				ActivityEntry entry = entries.get(i);
				if (IncidentAccess.PUBLIC_EVENTS.contains(entry.getEvent())) {
					reply.append("\nLast update ").append(entry.getAt()).append(": ")
						.append(entry.getEvent().replace('_', ' ').toLowerCase(Locale.ROOT));
					if (entry.getDetail() != null) {
						reply.append(" (").append(cut(entry.getDetail(), 300)).append(')');
					}
					break;
				}
			}
			return reply.toString();
		});
	}

	private Optional<Viewer> viewer(String externalId) {
		return transactions.inNewTransaction("slack identity",
				() -> identities.findByPlatformAndExternalId(PLATFORM, cut(externalId, 200)))
			.filter(link -> identityService.createUserQuery().userId(link.getUserId()).count() == 1)
			.map(link -> {
				Set<String> groups = identityService.createGroupQuery().groupMember(link.getUserId()).list().stream()
					.map(Group::getId).collect(Collectors.toSet());
				return new Viewer(link.getUserId(), groups);
			});
	}

	static String title(String text) {
		String line = text.lines().findFirst().orElse(text).strip();
		return cut(line, Incident.TITLE_MAX);
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
