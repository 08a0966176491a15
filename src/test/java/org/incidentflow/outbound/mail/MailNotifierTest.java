package org.incidentflow.outbound.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.incidentflow.incident.Comment;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.intake.IntakeTestSupport;
import org.incidentflow.intake.email.IncomingMail;
import org.incidentflow.intake.email.MailIntake;
import org.incidentflow.mail.MailMessage;
import org.incidentflow.mail.MailMessageRepository;
import org.incidentflow.intake.email.MailReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Outgoing notification mail through a real SMTP server (GreenMail). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class MailNotifierTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	MailNotifier notifier;
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
	org.incidentflow.metrics.ProductMetrics metrics;

	JavaMailSenderImpl smtp;
	String run;

	@BeforeEach
	void setUp() {
		smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(greenMail.getSmtp().getPort());
		run = IntakeTestSupport.newRun();
	}

	@Autowired
	NotificationOutbox outbox;
	@Autowired
	OutboxMailRepository outboxRows;

	/** Queues the notice in a committed transaction and drains the outbox; the Message-ID when the row was sent. */
	private Optional<String> send(IncidentNotice notice, JavaMailSender via) {
		return send(notifier, notice, via);
	}

	private Optional<String> send(MailNotifier by, IncidentNotice notice, JavaMailSender via) {
		OutboxMail row = transaction.execute(status -> outbox.enqueue(notice));
		by.drain(via, ActivityLog.now());
		OutboxMail after = outboxRows.findById(row.getId()).orElseThrow();
		return after.getStatus() == OutboxMail.Status.SENT ? Optional.of(after.getMessageId()) : Optional.empty();
	}

	/** Mail GreenMail received with this Message-ID (the drain also sends other tests' queued notices). */
	static List<MimeMessage> received(GreenMailExtension greenMail, String messageId) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (messageId.equals(message.getMessageID())) {
				found.add(message);
			}
		}
		return found;
	}

	private Incident reportByMail(String from) throws Exception {
		IncomingMail mail = new IncomingMail("<first-" + run + "@client.example.net>", from, null,
				"Scanner jammed " + run, "Paper stuck.", List.of(), java.util.Map.of(), null);
		MailIntake.Result result = intake.receive(mail);
		return incidents.findByNumber(result.incidentNumber()).orElseThrow();
	}

	@Test
	void acknowledgementCarriesAutoSubmittedOwnMessageIdAndThreading() throws Exception {
		String caller = "reporter-" + run + "@example.net";
		Incident incident = reportByMail(caller);

		Optional<String> sent = send(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.RECEIVED,
				IncidentNotice.Audience.USER, caller, "We have received your report."), smtp);

		assertThat(sent).isPresent();
		List<MimeMessage> received = received(greenMail, sent.get());
		assertThat(received).hasSize(1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(caller);
		assertThat(mail.getSubject()).startsWith("[" + incident.getNumber() + "] Received: Scanner jammed");
		assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(mail.getMessageID()).isEqualTo(sent.get()).endsWith("@incidentflow.local>");
		assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<first-" + run + "@client.example.net>");
		assertThat(mail.getHeader("References", null)).contains("<first-" + run + "@client.example.net>");
		MailMessage stored = mails.findByMessageId(sent.get()).orElseThrow();
		assertThat(stored.getDirection()).isEqualTo(MailMessage.Direction.OUT);
		assertThat(stored.getIncidentId()).isEqualTo(incident.getId());

		// the notification itself, delivered back to the intake mailbox, is known by its Message-ID: nothing happens
		MailIntake.Result loop = intake.receive(MailReader.read(mail));
		assertThat(loop.duplicate()).isTrue();
		assertThat(loop.outcome()).isEqualTo(MailMessage.Outcome.SENT);
	}

	@Test
	void aReplyToTheNotificationThreadsBackToTheIncident() throws Exception {
		String caller = "replier-" + run + "@example.net";
		Incident incident = reportByMail(caller);
		String notification = send(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.RECEIVED,
				IncidentNotice.Audience.USER, caller, null), smtp).orElseThrow();

		// no number in the subject: only In-Reply-To links the reply
		IncomingMail reply = new IncomingMail("<reply-" + run + "@client.example.net>", caller, null,
				"Re: your ticket", "The scanner is in room 12.", List.of(notification), java.util.Map.of(), null);
		assertThat(intake.receive(reply).outcome()).isEqualTo(MailMessage.Outcome.COMMENTED);

		List<Comment> added = transaction.execute(status -> comments.findByIncidentOrderByCreatedAtAscIdAsc(
				incidents.findById(incident.getId()).orElseThrow()));
		assertThat(added).extracting(Comment::getBody).containsExactly("The scanner is in room 12.");
	}

	@Test
	void resolvedMailTellsTheCallerHowToConfirmOrReject() throws Exception {
		String caller = "resolved-" + run + "@example.net";
		Incident incident = reportByMail(caller);

		String sent = send(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.RESOLVED,
				IncidentNotice.Audience.USER, caller, "Resolution: paper path cleaned."), smtp).orElseThrow();

		String body = GreenMailUtil.getBody(received(greenMail, sent).get(0));
		assertThat(body).contains("paper path cleaned", "confirm or reject the resolution",
				"/portal/incidents/" + incident.getNumber() + "#resolution",
				"/portal/incidents/" + incident.getNumber() + "#satisfaction", "reply to this mail");
	}

	@Test
	void groupNoticeGoesToEveryMemberWithAnAddress() throws Exception {
		Incident incident = reportByMail("group-" + run + "@example.net");
		String groupId = "desk" + run;
		Group group = identityService.newGroup(groupId);
		group.setName("Desk " + run);
		identityService.saveGroup(group);
		for (String name : List.of("ada", "bob", "cid")) {
			User user = identityService.newUser(name + run);
			user.setEmail(name.equals("cid") ? null : name + "-" + run + "@example.org");
			user.setPassword("x");
			identityService.saveUser(user);
			identityService.createMembership(user.getId(), groupId);
		}

		String sent = send(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.ESCALATED,
				IncidentNotice.Audience.GROUP, groupId, "Escalated to your group."), smtp).orElseThrow();

		// one delivery per recipient of the one mail
		assertThat(received(greenMail, sent)).hasSize(2);
		assertThat(List.of(received(greenMail, sent).get(0).getAllRecipients()))
			.extracting(Object::toString)
			.containsExactlyInAnyOrder("ada-" + run + "@example.org", "bob-" + run + "@example.org");
	}

	@Test
	void aSendingFailureIsRetriedLaterAndNothingIsRecordedMeanwhile() throws Exception {
		String caller = "down-" + run + "@example.net";
		Incident incident = reportByMail(caller);
		JavaMailSenderImpl broken = new JavaMailSenderImpl();
		broken.setHost("127.0.0.1");
		broken.setPort(1);

		Optional<String> sent = send(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.RECEIVED,
				IncidentNotice.Audience.USER, caller, null), broken);

		assertThat(sent).isEmpty();
		assertThat(outboxRows.findByIncidentNumberOrderByIdAsc(incident.getNumber()))
			.filteredOn(row -> row.getStatus() == OutboxMail.Status.PENDING && row.getAttempts() == 1)
			.isNotEmpty();
		assertThat(mails.findAll()).noneMatch(m -> m.getDirection() == MailMessage.Direction.OUT
				&& incident.getId().equals(m.getIncidentId()));
	}

	@Autowired
	org.incidentflow.mail.MailSettings settings;
	@Autowired
	org.incidentflow.persistence.TransactionRetry transactions;

	@Autowired
	NotificationSettings notificationSettings;

	private NotificationOutbox outboxWithSmtpHost(String host) {
		NotificationSettings unset = new NotificationSettings();
		return new NotificationOutbox(outboxRows, settings, unset, host);
	}

	@Test
	void noticesAreQueuedOnlyWhenAnSmtpHostIsConfigured() throws Exception {
		String caller = "gate-" + run + "@example.net";
		Incident incident = reportByMail(caller);
		IncidentNotice notice = new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.RESOLVED,
				IncidentNotice.Audience.USER, caller, "Fixed.");

		transaction.executeWithoutResult(status -> outboxWithSmtpHost("").onNotice(notice));
		assertThat(outboxRows.findByIncidentNumberOrderByIdAsc(incident.getNumber()))
			.noneMatch(row -> row.notice().equals(notice));

		transaction.executeWithoutResult(status -> outboxWithSmtpHost("127.0.0.1").onNotice(notice));
		assertThat(outboxRows.findByIncidentNumberOrderByIdAsc(incident.getNumber()))
			.filteredOn(row -> row.notice().equals(notice)).hasSize(1);
	}

	@Test
	void linksUseTheConfiguredBaseUrl() throws Exception {
		String caller = "link-" + run + "@example.net";
		Incident incident = reportByMail(caller);
		org.springframework.beans.factory.support.StaticListableBeanFactory beans =
				new org.springframework.beans.factory.support.StaticListableBeanFactory(java.util.Map.of("smtp", smtp));
		MailNotifier linking = new MailNotifier(beans.getBeanProvider(JavaMailSender.class),
				"https://incidents.example.org/", settings, notificationSettings, outboxRows, incidents, mails,
				identityService, transactions, metrics);

		String sent = send(linking, new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.RESOLVED,
				IncidentNotice.Audience.USER, caller, "Fixed."), smtp).orElseThrow();

		assertThat(GreenMailUtil.getBody(received(greenMail, sent).get(0)))
			.contains("https://incidents.example.org/portal/incidents/" + incident.getNumber() + "#satisfaction");
	}

	@Test
	void usersWithoutAddressGetNoMail() throws Exception {
		Incident incident = reportByMail("nobody-" + run + "@example.net");
		// a user of its own: the demo users (monitoring included) have addresses
		User withoutAddress = identityService.newUser("noaddress" + run);
		withoutAddress.setPassword("x");
		identityService.saveUser(withoutAddress);
		IncidentNotice notice = new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.ASSIGNED,
				IncidentNotice.Audience.USER, withoutAddress.getId(), null);
		assertThat(send(notice, smtp)).isEmpty();
		assertThat(outboxRows.findByIncidentNumberOrderByIdAsc(incident.getNumber()))
			.filteredOn(row -> row.notice().equals(notice))
			.extracting(OutboxMail::getStatus).containsExactly(OutboxMail.Status.SKIPPED);
		assertThat(greenMail.getReceivedMessages()).noneMatch(m -> {
			try {
				return m.getSubject().contains("Assigned to you") && m.getSubject().contains(incident.getNumber());
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		});
	}

}
