package org.incidentflow.intake.chat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.incidentflow.chat.ChatConversation;
import org.incidentflow.chat.ChatConversationRepository;
import org.incidentflow.chat.ChatPlatform;
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
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.incident.api.ConfirmationRequest;
import org.incidentflow.incident.api.IncidentActions;
import org.incidentflow.persistence.TransactionRetry;
import org.incidentflow.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The one interpreter of the {@code /incident} command, for a request its platform adapter (Slack, Mattermost,
 * Teams) has verified:
 * <ul>
 * <li>{@code /incident <title>} opens an incident for the linked product user (channel {@code chat}, through the
 * process like every other channel) and remembers the conversation, so its public updates are posted back there;</li>
 * <li>{@code /incident status INC-000123} shows state, priority, group and the last public update;</li>
 * <li>{@code /incident confirm INC-000123} and {@code /incident reject INC-000123 <reason>} answer a resolution, as
 * the caller, through the same service (and so the same process task and audit trail) as the API.</li>
 * </ul>
 * Each command runs as the linked user (the audit trail names that user, not "system"). An unlinked chat user gets a
 * clear answer and nothing is created. Opening takes one short transaction (well inside Slack's three seconds); a
 * retry of the same command (same request key) answers with the incident it opened.
 */
@Service
public class ChatCommands {

	private static final Logger log = LoggerFactory.getLogger(ChatCommands.class);

	private static final Pattern STATUS = Pattern.compile("(?i)^status\\s+(INC-\\d{1,12})\\s*$");
	private static final Pattern CONFIRM = Pattern.compile("(?i)^confirm\\s+(INC-\\d{1,12})\\s*$");
	private static final Pattern REJECT = Pattern.compile("(?is)^reject\\s+(INC-\\d{1,12})(?:\\s+(.*))?$");

	/** Opened by chat, classified at triage: the command gives only a title. */
	static final IncidentType TYPE = IncidentType.SOFTWARE;

	/** The longest rejection reason taken (the API's limit). */
	static final int REASON_MAX = org.incidentflow.incident.api.CancellationRequest.REASON_MAX;

	private final ChatIdentityRepository identities;
	private final ChatCommandRepository commands;
	private final ChatConversationRepository conversations;
	private final IncidentReporting reporting;
	private final IncidentActions actions;
	private final IncidentRepository incidents;
	private final ActivityRepository activity;
	private final IdentityService identityService;
	private final TransactionRetry transactions;
	private final SlackUsers slackUsers;

	public ChatCommands(ChatIdentityRepository identities, ChatCommandRepository commands,
			ChatConversationRepository conversations, IncidentReporting reporting, IncidentActions actions,
			IncidentRepository incidents, ActivityRepository activity, IdentityService identityService,
			TransactionRetry transactions, SlackUsers slackUsers) {
		this.identities = identities;
		this.commands = commands;
		this.conversations = conversations;
		this.reporting = reporting;
		this.actions = actions;
		this.incidents = incidents;
		this.activity = activity;
		this.identityService = identityService;
		this.transactions = transactions;
		this.slackUsers = slackUsers;
	}

	/** The reply, shown only to the user who typed the command where the platform can (ephemeral). */
	public String handle(ChatRequest request) {
		String text = request.text() == null ? "" : request.text().strip();
		String command = request.command() == null || request.command().isBlank() ? "/incident" : request.command();
		String name = label(request.platform());
		if (blank(request.workspace()) || blank(request.user())) {
			return "This request carries no " + name + " team or user; nothing was done.";
		}
		Optional<Viewer> viewer = viewer(request);
		if (viewer.isEmpty()) {
			return "Your " + name + " user (" + request.externalId() + ") is not linked to an Incident Flow user, so"
					+ " nothing was done. Ask an administrator to link it (POST /api/chat-identities).";
		}
		if (text.isEmpty() || text.equalsIgnoreCase("help")) {
			return "Usage: `" + command + " <what is wrong>` opens an incident for you; `" + command
					+ " status INC-000123` shows where an incident stands; `" + command + " confirm INC-000123` or `"
					+ command + " reject INC-000123 <what is still wrong>` answers a resolution.";
		}
		Matcher status = STATUS.matcher(text);
		if (status.matches()) {
			return status(viewer.get(), status.group(1).toUpperCase(Locale.ROOT));
		}
		Matcher confirm = CONFIRM.matcher(text);
		if (confirm.matches()) {
			return answerResolution(viewer.get(), confirm.group(1).toUpperCase(Locale.ROOT), true, null, command);
		}
		Matcher reject = REJECT.matcher(text);
		if (reject.matches()) {
			return answerResolution(viewer.get(), reject.group(1).toUpperCase(Locale.ROOT), false, reject.group(2),
					command);
		}
		if (!IncidentAccess.hasAccess(viewer.get())) {
			return "Your Incident Flow user may not report incidents; nothing was created.";
		}
		String number = asUser(viewer.get(),
				() -> transactions.inNewTransaction(request.platform().code() + " command",
						() -> open(viewer.get(), text, request)));
		return "Opened " + number + ": " + title(text) + ". The service desk has it; `" + command + " status " + number
				+ "` shows where it stands.";
	}

	private String open(Viewer viewer, String text, ChatRequest request) {
		String key = blank(request.requestKey()) ? null : cut(request.requestKey(), 200);
		String platform = request.platform().code();
		if (key != null) {
			Optional<ChatCommand> earlier = commands.findByPlatformAndRequestKey(platform, key);
			if (earlier.isPresent()) {
				log.info("{} command {} repeated: answered with {}", platform, key, earlier.get().getIncidentNumber());
				return earlier.get().getIncidentNumber();
			}
		}
		Incident incident = reporting.report(new NewIncident(title(text), text.length() > Incident.TITLE_MAX
				? cut(text, Incident.TEXT_MAX) : null, viewer.userId(), Channel.CHAT, null, null, TYPE, Level.MEDIUM,
				Level.MEDIUM));
		Instant now = ActivityLog.now();
		if (key != null) {
			// unique (platform, request_key): a concurrent retry loses here, rolls back and finds this row next time
			commands.saveAndFlush(new ChatCommand(platform, key, incident.getNumber(),
					cut(request.workspace() + ":" + nullToEmpty(request.channel()), 200), now));
		}
		if (!blank(request.channel())) {
			conversations.save(new ChatConversation(incident.getNumber(), request.platform(), request.workspace(),
					request.channel(), request.channelName(), request.responseUrl(), now));
		}
		log.info("{} command opened {} for {}", platform, incident.getNumber(), viewer.userId());
		return incident.getNumber();
	}

	/**
	 * Only the caller answers a resolution from chat (an incident manager answers for a caller in the product, not
	 * from a chat button). The process's confirmation task is completed by the API's own service.
	 */
	private String answerResolution(Viewer viewer, String number, boolean accepted, String reason, String command) {
		String why = reason == null ? null : reason.strip();
		if (!accepted && (why == null || why.isEmpty())) {
			return "Tell us what is still wrong: `" + command + " reject " + number + " <what is still wrong>`. The"
					+ " resolution stays open for your answer.";
		}
		Optional<Incident> incident = transactions.inNewTransaction("chat resolution",
				() -> incidents.findByNumber(number));
		if (incident.isEmpty() || !IncidentAccess.maySee(viewer, incident.get())) {
			return "There is no incident " + number + " that you may see.";
		}
		if (!viewer.userId().equals(incident.get().getCaller())) {
			return "Only the caller of " + number + " (" + incident.get().getCaller() + ") can confirm or reject its"
					+ " resolution.";
		}
		try {
			asUser(viewer, () -> {
				actions.confirmResolution(number, new ConfirmationRequest(accepted, accepted ? null
						: cut(why, REASON_MAX)), viewer);
				return null;
			});
		}
		catch (InvalidRequestException e) {
			return "The resolution of " + number + " could not be answered: " + e.errors().stream()
				.map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
		}
		catch (ErrorResponseException e) {
			// e.g. 409: not (or no longer) waiting for the caller's answer, such as a second press of the button
			String detail = e.getBody().getDetail();
			return detail == null ? "The resolution of " + number + " could not be answered." : detail;
		}
		log.info("Resolution of {} {} by {} from chat", number, accepted ? "confirmed" : "rejected", viewer.userId());
		return accepted ? "Thank you: the resolution of " + number + " is confirmed and the incident is closed."
				: "The resolution of " + number + " is rejected; the incident is back with the service desk.";
	}

	private String status(Viewer viewer, String number) {
		return transactions.inNewTransaction("chat status", () -> {
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
			if (incident.getState() == State.RESOLVED && viewer.userId().equals(incident.getCaller())) {
				reply.append("\nWaiting for your answer: `confirm ").append(number).append("` or `reject ")
					.append(number).append(" <what is still wrong>`.");
			}
			return reply.toString();
		});
	}

	/**
	 * The product user behind the chat user: the administrator's link, else (Slack, with a bot token) the user whose
	 * e-mail address Slack gives for that user.
	 */
	private Optional<Viewer> viewer(ChatRequest request) {
		String platform = request.platform().code();
		Optional<String> userId = transactions.inNewTransaction(platform + " identity",
				() -> identities.findByPlatformAndExternalId(platform, cut(request.externalId(), 200)))
			.map(ChatIdentity::getUserId);
		if (userId.isEmpty() && request.platform() == ChatPlatform.SLACK) {
			userId = slackUsers.email(request.workspace(), request.user()).flatMap(this::userWithEmail);
		}
		return userId.filter(id -> identityService.createUserQuery().userId(id).count() == 1).map(id -> {
			Set<String> groups = identityService.createGroupQuery().groupMember(id).list().stream()
				.map(Group::getId).collect(Collectors.toSet());
			return new Viewer(id, groups);
		});
	}

	/** Only an address that exactly one user has: two users with the same address map to nobody. */
	private Optional<String> userWithEmail(String email) {
		var users = identityService.createUserQuery().userEmail(email).listPage(0, 2);
		return users.size() == 1 ? Optional.of(users.get(0).getId()) : Optional.empty();
	}

	/** Runs as the linked user, as an API request of that user would: the audit trail names them. */
	private static <T> T asUser(Viewer viewer, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer.userId(), null,
				viewer.groups().stream().map(SimpleGrantedAuthority::new).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static String label(ChatPlatform platform) {
		return switch (platform) {
			case SLACK -> "Slack";
			case MATTERMOST -> "Mattermost";
			case TEAMS -> "Microsoft Teams";
		};
	}

	static String title(String text) {
		String line = text.lines().findFirst().orElse(text).strip();
		return cut(line, Incident.TITLE_MAX);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
