package org.incidentflow.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentflow.intake.email.MailFixtures.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.incidentflow.incident.ActivityEntry;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Comment;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentProcess.Tasks;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;
import org.incidentflow.incident.State;
import org.incidentflow.intake.IntakeTestSupport;
import org.incidentflow.mail.MailMessage;
import org.incidentflow.mail.MailMessage.Outcome;
import org.incidentflow.mail.MailMessageRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@RecordApplicationEvents
class MailIntakeTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	@Autowired
	MailboxPoller poller;
	@Autowired
	MailIntake intake;
	@Autowired
	MailMessageRepository mails;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	CommentRepository comments;
	@Autowired
	IdentityService identityService;
	@Autowired
	TransactionTemplate transaction;
	@Autowired
	ApplicationEvents events;
	@Autowired
	TaskService taskService;
	@Autowired
	ActivityRepository activity;

	GreenMailUser mailbox;
	String run;

	@BeforeEach
	void setUp() {
		mailbox = greenMail.setUser(MailFixtures.MAILBOX, MailFixtures.LOGIN, MailFixtures.PASSWORD);
		run = IntakeTestSupport.newRun();
	}

	String id(String name) {
		return "<" + name + "-" + run + "@mail.example.com>";
	}

	MailboxPoller.PollResult poll() {
		return poller.poll(MailFixtures.imap(greenMail), intake::receive);
	}

	Incident incidentOfMail(String messageId) {
		MailMessage mail = mails.findByMessageId(messageId).orElseThrow();
		return incidents.findById(mail.getIncidentId()).orElseThrow();
	}

	List<Comment> commentsOf(Incident incident) {
		return transaction.execute(status -> comments.findByIncidentOrderByCreatedAtAscIdAsc(
				incidents.findById(incident.getId()).orElseThrow()));
	}

	@Test
	void newMailOpensIncidentForTheMatchingUserAndAcknowledges() throws Exception {
		User user = identityService.newUser("mailer" + run);
		user.setEmail("mailer" + run + "@example.com");
		user.setFirstName("Mia");
		user.setLastName("Mailer");
		user.setPassword("x");
		identityService.saveUser(user);

		mailbox.deliver(mail(id("new"), "Mia Mailer <mailer" + run + "@example.com>", "VPN drops every 10 minutes",
				"Since this morning my VPN connection drops.\nRegards, Mia"));
		MailboxPoller.PollResult result = poll();

		assertThat(result.handled()).isEqualTo(1);
		Incident incident = incidentOfMail(id("new"));
		assertThat(incident.getChannel()).isEqualTo(Channel.EMAIL);
		assertThat(incident.getCaller()).isEqualTo("mailer" + run);
		assertThat(incident.getTitle()).isEqualTo("VPN drops every 10 minutes");
		assertThat(incident.getDescription()).contains("my VPN connection drops");
		assertThat(mails.findByMessageId(id("new")).orElseThrow().getOutcome()).isEqualTo(Outcome.OPENED);
		assertThat(MailFixtures.unseen(greenMail, "INBOX")).isZero();
		assertThat(events.stream(IncidentNotice.class).filter(n -> n.incidentNumber().equals(incident.getNumber())))
			.singleElement()
			.satisfies(n -> {
				assertThat(n.kind()).isEqualTo(IncidentNotice.Kind.RECEIVED);
				assertThat(n.audienceType()).isEqualTo(IncidentNotice.Audience.USER);
				assertThat(n.audience()).isEqualTo("mailer" + run);
			});
	}

	@Test
	void aPhishingMailOpensASecurityIncidentWithHighImpactAndUrgency() throws Exception {
		mailbox.deliver(mail(id("phish"), "wary-" + run + "@example.net", "Phishing mail received",
				"Someone asks for my password."));
		poll();

		Incident incident = incidentOfMail(id("phish"));
		assertThat(incident.getType()).isEqualTo(IncidentType.SECURITY);
		assertThat(incident.getImpact()).isEqualTo(Level.HIGH);
		assertThat(incident.getUrgency()).isEqualTo(Level.HIGH);
	}

	@Test
	void aPlainMailKeepsTheDefaultClassification() throws Exception {
		mailbox.deliver(mail(id("plain"), "plain-" + run + "@example.net", "Excel macro question",
				"How do I enable the macro?"));
		poll();

		Incident incident = incidentOfMail(id("plain"));
		assertThat(incident.getType()).isEqualTo(IncidentType.SOFTWARE);
		assertThat(incident.getImpact()).isEqualTo(Level.MEDIUM);
		assertThat(incident.getUrgency()).isEqualTo(Level.MEDIUM);
	}

	@Test
	void theSendersImportanceCountsForAnOutage() throws Exception {
		mailbox.deliver(mail(id("urgent"), "boss-" + run + "@example.net", "CRM down", "Since 9:00.",
				"X-Priority", "1 (Highest)"));
		mailbox.deliver(mail(id("usual"), "user-" + run + "@example.net", "CRM down", "Since 9:00."));
		poll();

		Incident urgent = incidentOfMail(id("urgent"));
		assertThat(urgent.getType()).isEqualTo(IncidentType.SERVICE_OUTAGE);
		assertThat(urgent.getImpact()).isEqualTo(Level.HIGH);
		assertThat(urgent.getUrgency()).isEqualTo(Level.HIGH);
		Incident usual = incidentOfMail(id("usual"));
		assertThat(usual.getType()).isEqualTo(IncidentType.SERVICE_OUTAGE);
		assertThat(usual.getImpact()).isEqualTo(Level.MEDIUM);
		assertThat(usual.getUrgency()).isEqualTo(Level.HIGH);
	}

	@ParameterizedTest(name = "{0}: {1} -> {2}")
	@CsvSource(delimiter = '|', value = {
			"Importance|high|high",
			"Importance|High|high",
			"Importance|low|low",
			"Importance|normal|normal",
			"X-Priority|1 (Highest)|high",
			"X-Priority|2|high",
			"X-Priority|3 (Normal)|normal",
			"X-Priority|4|low",
			"X-Priority|5 (Lowest)|low",
			"Priority|urgent|high",
			"Priority|non-urgent|low",
			"X-Mailer|Outlook|normal" })
	void readsTheImportanceFromTheHeaders(String header, String value, String importance) throws Exception {
		assertThat(MailReader.read(mail(id("importance"), "x@example.net", "s", "t", header, value)).importance())
			.isEqualTo(importance);
	}

	@Test
	void htmlOnlyMailFromUnknownSenderKeepsTheAddressAsCaller() throws Exception {
		MimeMessage message = mail(id("html"), "stranger-" + run + "@example.net", "Printer on fire", "x");
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<html><head><style>p{}</style></head><body><p>The printer <b>smokes</b>.</p>"
				+ "<p>Room&nbsp;4 &amp; 5</p></body></html>", "text/html; charset=UTF-8");
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		mailbox.deliver(message);

		poll();

		Incident incident = incidentOfMail(id("html"));
		assertThat(incident.getCaller()).isEqualTo("stranger-" + run + "@example.net");
		assertThat(incident.getDescription()).isEqualTo("The printer smokes.\nRoom 4 & 5");
	}

	@Test
	void replyWithTheNumberInTheSubjectAddsAPublicComment() throws Exception {
		mailbox.deliver(mail(id("first"), "caller-" + run + "@example.net", "Laptop slow", "Very slow."));
		poll();
		Incident incident = incidentOfMail(id("first"));

		mailbox.deliver(mail(id("reply"), "caller-" + run + "@example.net",
				"RE: [" + incident.getNumber() + "] Received: Laptop slow",
				"It is the disk, I think.\n\nOn Mon, 1 Dec 2026 the service desk wrote:\n> Reply to this mail"));
		poll();

		assertThat(commentsOf(incident)).singleElement().satisfies(comment -> {
			assertThat(comment.getVisibility()).isEqualTo(Comment.Visibility.PUBLIC);
			assertThat(comment.getSource()).isEqualTo("email");
			assertThat(comment.getAuthor()).isEqualTo("caller-" + run + "@example.net");
			assertThat(comment.getBody()).isEqualTo("It is the disk, I think.");
		});
		assertThat(mails.findByMessageId(id("reply")).orElseThrow().getOutcome()).isEqualTo(Outcome.COMMENTED);
		assertThat(incidents.findAll().stream().filter(i -> i.getTitle().contains("Laptop slow"))
			.filter(i -> i.getCaller().equals("caller-" + run + "@example.net"))).hasSize(1);
	}

	@Test
	void callersReplyResumesAnIncidentOnHoldAwaitingTheCaller() throws Exception {
		String caller = "waiting-" + run + "@example.net";
		mailbox.deliver(mail(id("hold"), caller, "Scanner not found", "The scanner disappeared."));
		poll();
		Incident incident = incidentOfMail(id("hold"));
		String number = incident.getNumber();
		// the service desk triages (naming the service the mail did not know), the group asks the caller
		taskService.complete(task(number, Tasks.TRIAGE).getId(), java.util.Map.of(Vars.CLASSIFICATION, "incident",
				Vars.SERVICE, "Scanning"));
		taskService.complete(task(number, Tasks.INVESTIGATE).getId(), java.util.Map.of(Vars.INVESTIGATION_OUTCOME,
				"on_hold", Vars.ON_HOLD_REASON, "awaiting_caller", Vars.ON_HOLD_COMMENT, "Which scanner model?"));
		assertThat(incidents.findById(incident.getId()).orElseThrow().getState()).isEqualTo(State.ON_HOLD);

		mailbox.deliver(mail(id("hold-reply"), caller, "RE: [" + number + "] Scanner not found", "A Fujitsu fi-7160."));
		poll();

		Incident resumed = incidents.findById(incident.getId()).orElseThrow();
		assertThat(resumed.getState()).isEqualTo(State.IN_PROGRESS);
		assertThat(resumed.getPausedSince()).isNull();
		assertThat(commentsOf(incident)).extracting(Comment::getBody).endsWith("A Fujitsu fi-7160.");
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId())).extracting(ActivityEntry::getEvent)
			.containsSubsequence("PUT_ON_HOLD", "RESUMED");
		assertThat(task(number, Tasks.INVESTIGATE)).isNotNull();
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(Tasks.ON_HOLD)
			.count()).isZero();
	}

	org.camunda.bpm.engine.task.Task task(String number, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
	}

	@Test
	void replyThreadedByInReplyToAddsAComment() throws Exception {
		mailbox.deliver(mail(id("orig"), "thread-" + run + "@example.net", "Share not mounted", "S: drive missing"));
		poll();
		Incident incident = incidentOfMail(id("orig"));

		mailbox.deliver(mail(id("answer"), "thread-" + run + "@example.net", "Re: Share not mounted",
				"Still missing after reboot.", "In-Reply-To", id("orig"), "References", "<unrelated@x> " + id("orig")));
		poll();

		assertThat(commentsOf(incident)).extracting(Comment::getBody).containsExactly("Still missing after reboot.");
	}

	@Test
	void replyToAClosedIncidentOpensALinkedFollowUp() throws Exception {
		mailbox.deliver(mail(id("old"), "late-" + run + "@example.net", "Outlook crashes", "Crash on start"));
		poll();
		Incident old = incidentOfMail(id("old"));
		transaction.executeWithoutResult(status -> incidents.findById(old.getId()).orElseThrow().setState(State.CLOSED));

		mailbox.deliver(mail(id("again"), "late-" + run + "@example.net", "Re: [" + old.getNumber() + "] Closed",
				"It crashes again."));
		poll();

		Incident followUp = incidentOfMail(id("again"));
		assertThat(followUp.getId()).isNotEqualTo(old.getId());
		Long followed = transaction.execute(status -> incidents.findById(followUp.getId()).orElseThrow()
			.getFollowUpOf().getId());
		assertThat(followed).isEqualTo(old.getId());
		assertThat(mails.findByMessageId(id("again")).orElseThrow().getOutcome()).isEqualTo(Outcome.FOLLOW_UP);
		assertThat(commentsOf(old)).isEmpty();
	}

	/** A Camunda user with a unique address, member of the given groups; returns the address. */
	String userIn(String name, String... groups) {
		User user = identityService.newUser(name + run);
		user.setEmail(name + "-" + run + "@example.org");
		user.setPassword("x");
		identityService.saveUser(user);
		for (String group : groups) {
			identityService.createMembership(name + run, group);
		}
		return user.getEmail();
	}

	Incident reportedBy(String from, String name) throws Exception {
		mailbox.deliver(mail(id(name), from, "Report " + name, "Something broke."));
		poll();
		return incidentOfMail(id(name));
	}

	/** The reply did not touch the incident: a separate, unlinked incident of the sender's own, not revealing it. */
	void assertOpenedSeparately(String replyId, Incident original, String expectedCaller) {
		Incident opened = incidentOfMail(replyId);
		assertThat(opened.getId()).isNotEqualTo(original.getId());
		assertThat(opened.getCaller()).isEqualTo(expectedCaller);
		assertThat(opened.getTitle()).doesNotContain(original.getNumber());
		Incident followed = transaction.execute(status -> incidents.findById(opened.getId()).orElseThrow()
			.getFollowUpOf());
		assertThat(followed).isNull();
		MailMessage stored = mails.findByMessageId(replyId).orElseThrow();
		assertThat(stored.getOutcome()).isEqualTo(Outcome.OPENED);
		assertThat(stored.getReason()).contains(original.getNumber()).contains("may not act");
		assertThat(commentsOf(original)).isEmpty();
		Incident now = incidents.findById(original.getId()).orElseThrow();
		assertThat(now.getState()).isEqualTo(original.getState());
		assertThat(activity.findByIncidentIdOrderByAtAscIdAsc(original.getId())).extracting(ActivityEntry::getEvent)
			.doesNotContain("COMMENT_ADDED", "FOLLOWED_UP");
		assertThat(events.stream(IncidentNotice.class).filter(n -> n.incidentNumber().equals(opened.getNumber())))
			.singleElement()
			.satisfies(n -> assertThat(n.detail()).doesNotContain(original.getNumber()));
		assertThat(events.stream(IncidentNotice.class).filter(n -> n.incidentNumber().equals(original.getNumber())))
			.noneMatch(n -> n.kind() == IncidentNotice.Kind.CALLER_UPDATED);
	}

	@Test
	void aStrangersReplyQuotingTheNumberOpensTheirOwnIncident() throws Exception {
		Incident original = reportedBy("owner-" + run + "@example.net", "owned");
		String stranger = "stranger-" + run + "@example.net";

		mailbox.deliver(mail(id("intruder"), "Stranger <" + stranger + ">",
				"RE: [" + original.getNumber() + "] Received: Report owned", "Close this please."));
		poll();

		assertOpenedSeparately(id("intruder"), original, stranger);
		assertThat(incidentOfMail(id("intruder")).getTitle()).isEqualTo("RE: Received: Report owned");
	}

	@Test
	void aStrangersReplyByMessageIdToAClosedIncidentIsNotAFollowUp() throws Exception {
		Incident original = reportedBy("closer-" + run + "@example.net", "closed");
		transaction.executeWithoutResult(status -> incidents.findById(original.getId()).orElseThrow()
			.setState(State.CLOSED));
		Incident closed = incidents.findById(original.getId()).orElseThrow();
		String stranger = "guesser-" + run + "@example.net";

		mailbox.deliver(mail(id("guess"), stranger, "Re: Report closed", "Reopen it.", "In-Reply-To", id("closed")));
		poll();

		assertOpenedSeparately(id("guess"), closed, stranger);
	}

	@Test
	void aRequesterWhoIsNotTheCallerOpensTheirOwnIncident() throws Exception {
		Incident original = reportedBy(userIn("reqcaller", "requesters"), "requested");
		String other = userIn("reqother", "requesters");

		mailbox.deliver(mail(id("other"), other, "Re: [" + original.getNumber() + "] Report requested", "Me too."));
		poll();

		assertOpenedSeparately(id("other"), original, "reqother" + run);
	}

	@Test
	void theMappedCallersReplyInAnyCaseIsAComment() throws Exception {
		String address = userIn("mapped", "requesters");
		Incident original = reportedBy(address, "mapped");
		assertThat(original.getCaller()).isEqualTo("mapped" + run);

		mailbox.deliver(mail(id("mapped-reply"), address.toUpperCase(), "Re: [" + original.getNumber() + "]", "Ok."));
		poll();

		assertThat(commentsOf(original)).singleElement().satisfies(comment -> {
			assertThat(comment.getAuthor()).isEqualTo("mapped" + run);
			assertThat(comment.getVisibility()).isEqualTo(Comment.Visibility.PUBLIC);
		});
		assertThat(mails.findByMessageId(id("mapped-reply")).orElseThrow().getOutcome()).isEqualTo(Outcome.COMMENTED);
	}

	@Test
	void anAgentsReplyIsAComment() throws Exception {
		Incident original = reportedBy("agentcaller-" + run + "@example.net", "agented");
		String agent = userIn("desk", "service-desk");

		mailbox.deliver(mail(id("agent-reply"), agent, "Re: [" + original.getNumber() + "] Report agented",
				"Please restart the laptop."));
		poll();

		assertThat(commentsOf(original)).singleElement().satisfies(comment -> {
			assertThat(comment.getAuthor()).isEqualTo("desk" + run);
			assertThat(comment.getBody()).isEqualTo("Please restart the laptop.");
		});
		assertThat(mails.findByMessageId(id("agent-reply")).orElseThrow().getOutcome()).isEqualTo(Outcome.COMMENTED);
	}

	@Test
	void aSecurityIncidentTakesRepliesOnlyFromClearedAgents() throws Exception {
		Incident original = reportedBy("phished-" + run + "@example.net", "phishing");
		transaction.executeWithoutResult(status -> incidents.findById(original.getId()).orElseThrow()
			.setType(IncidentType.SECURITY));
		Incident security = incidents.findById(original.getId()).orElseThrow();
		String desk = userIn("sdesk", "service-desk");

		mailbox.deliver(mail(id("desk-reply"), desk, "Re: [" + security.getNumber() + "] Report phishing", "Hm?"));
		poll();

		assertOpenedSeparately(id("desk-reply"), security, "sdesk" + run);

		String secops = userIn("secops", "security-ops");
		mailbox.deliver(mail(id("secops-reply"), secops, "Re: [" + security.getNumber() + "]", "Do not click."));
		poll();

		assertThat(commentsOf(security)).extracting(Comment::getAuthor).containsExactly("secops" + run);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			"Auto-Submitted|auto-replied",
			"Precedence|bulk",
			"Precedence|junk",
			"Precedence|list",
			"X-Loop|helpdesk@example.org",
			"X-Auto-Response-Suppress|All",
			"List-Id|<staff.lists.example.org>",
			"List-Unsubscribe|<mailto:leave@lists.example.org>",
			"Return-Path|<>" })
	void automaticMailIsSkippedOnce(String header, String value) throws Exception {
		IncomingMail mail = MailReader.read(mail(id("auto"), "someone-" + run + "@example.net",
				"Out of office: Printer", "I am away.", header, value));

		MailIntake.Result result = intake.receive(mail);
		MailIntake.Result again = intake.receive(mail);

		assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(result.incidentNumber()).isNull();
		assertThat(again.duplicate()).isTrue();
		MailMessage stored = mails.findByMessageId(id("auto")).orElseThrow();
		assertThat(stored.getIncidentId()).isNull();
		assertThat(stored.getReason()).isNotBlank();
		assertThat(events.stream(IncidentNotice.class)).isEmpty();
	}

	@Test
	void autoSubmittedNoIsAPerson() throws Exception {
		IncomingMail mail = MailReader.read(mail(id("person"), "person-" + run + "@example.net", "Help",
				"Please help.", "Auto-Submitted", "no"));
		assertThat(intake.receive(mail).outcome()).isEqualTo(Outcome.OPENED);
	}

	@Test
	void bouncesAndTheProductsOwnMailAreSkippedThroughTheMailbox() throws Exception {
		mailbox.deliver(mail(id("bounce"), "MAILER-DAEMON@example.net", "Undelivered Mail Returned to Sender", "x"));
		mailbox.deliver(mail(id("postmaster"), "postmaster@example.net", "Delivery Status Notification", "x"));
		mailbox.deliver(mail("<loop-" + run + "@incidentflow.local>", "incidentflow@example.org", "[INC-000001] Updated",
				"Our own notification came back."));

		MailboxPoller.PollResult result = poll();

		assertThat(result.handled()).isEqualTo(3);
		assertThat(List.of(id("bounce"), id("postmaster"), "<loop-" + run + "@incidentflow.local>"))
			.allSatisfy(messageId -> assertThat(mails.findByMessageId(messageId).orElseThrow().getOutcome())
				.isEqualTo(Outcome.SKIPPED));
		assertThat(MailFixtures.unseen(greenMail, "INBOX")).isZero();
		assertThat(events.stream(IncidentNotice.class)).isEmpty();
	}

	@Test
	void theSameMessageIdIsProcessedOnce() throws Exception {
		mailbox.deliver(mail(id("twice"), "dup-" + run + "@example.net", "Keyboard broken", "Keys stick."));
		mailbox.deliver(mail(id("twice"), "dup-" + run + "@example.net", "Keyboard broken", "Keys stick."));

		MailboxPoller.PollResult result = poll();
		// a later poll (another node, a restart) finds nothing new either
		mailbox.deliver(mail(id("twice"), "dup-" + run + "@example.net", "Keyboard broken", "Keys stick."));
		poll();

		assertThat(result.handled()).isEqualTo(2);
		assertThat(incidents.findAll().stream().filter(i -> i.getCaller().equals("dup-" + run + "@example.net")))
			.hasSize(1);
		assertThat(MailFixtures.unseen(greenMail, "INBOX")).isZero();
	}

	@Test
	void parallelPollersProcessAMailOnce() throws Exception {
		IncomingMail mail = MailReader.read(mail(id("race"), "race-" + run + "@example.net", "Monitor flickers", "!"));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<MailIntake.Result>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return intake.receive(mail);
				}));
			}
			start.countDown();
			List<MailIntake.Result> done = new ArrayList<>();
			for (Future<MailIntake.Result> result : results) {
				done.add(result.get(60, TimeUnit.SECONDS));
			}
			assertThat(done).filteredOn(r -> !r.duplicate()).hasSize(1);
			assertThat(done).extracting(MailIntake.Result::incidentNumber).containsOnly(done.get(0).incidentNumber());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(incidents.findAll().stream().filter(i -> i.getCaller().equals("race-" + run + "@example.net")))
			.hasSize(1);
	}

	@Test
	void aMailIsMarkedOnlyAfterItsTransactionCommitted() throws Exception {
		mailbox.deliver(mail(id("fails"), "unlucky-" + run + "@example.net", "Phone dead", "No dial tone."));

		MailboxPoller.PollResult failed = poller.poll(MailFixtures.imap(greenMail), mail -> transaction
			.executeWithoutResult(status -> {
				intake.process(mail);
				throw new IllegalStateException("simulated failure before commit");
			}));

		assertThat(failed.failed()).isEqualTo(1);
		assertThat(MailFixtures.unseen(greenMail, "INBOX")).isEqualTo(1);
		assertThat(mails.findByMessageId(id("fails"))).isEmpty();
		assertThat(incidents.findAll().stream().filter(i -> i.getCaller().equals("unlucky-" + run + "@example.net")))
			.isEmpty();

		MailboxPoller.PollResult retried = poll();

		assertThat(retried.handled()).isEqualTo(1);
		assertThat(MailFixtures.unseen(greenMail, "INBOX")).isZero();
		assertThat(incidentOfMail(id("fails")).getTitle()).isEqualTo("Phone dead");
	}

	@Test
	void processedMailCanBeMovedToAFolder() throws Exception {
		mailbox.deliver(mail(id("move"), "mover-" + run + "@example.net", "Badge reader", "Door stays shut."));
		MailboxSettings imap = MailFixtures.imap(greenMail);
		imap.setProcessedFolder("Processed");

		poller.poll(imap, intake::receive);

		assertThat(MailFixtures.count(greenMail, "INBOX")).isZero();
		assertThat(MailFixtures.count(greenMail, "Processed")).isEqualTo(1);
		assertThat(incidentOfMail(id("move")).getTitle()).isEqualTo("Badge reader");
	}

	@Test
	void aMailWithoutMessageIdGetsAStableSyntheticId() throws Exception {
		MimeMessage message = mail(null, "noid-" + run + "@example.net", "No id " + run, "Body");
		assertThat(message.getMessageID()).isNull();
		IncomingMail first = MailReader.read(message);
		IncomingMail second = MailReader.read(mail(null, "noid-" + run + "@example.net", "No id " + run, "Body"));

		assertThat(first.messageId()).startsWith("<synthetic-").isEqualTo(second.messageId());
		assertThat(intake.receive(first).duplicate()).isFalse();
		assertThat(intake.receive(second).duplicate()).isTrue();
	}

	@Test
	void quotedTextIsLeftOutOfComments() {
		assertThat(MailIntake.replyText("Thanks!\n\n-----Original Message-----\nFrom: desk")).isEqualTo("Thanks!");
		assertThat(MailIntake.replyText("Yes\n> quoted\nmore")).isEqualTo("Yes\nmore");
	}

}
