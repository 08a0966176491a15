package org.incidentflow.outbound.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.intake.IntakeTestSupport;
import org.incidentflow.intake.email.IncomingMail;
import org.incidentflow.intake.email.MailIntake;
import org.incidentflow.mail.MailMessage;
import org.incidentflow.mail.MailMessageRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The notification outbox: queued with the change, drained at least once, each mail sent once per success. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class NotificationOutboxTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	MailNotifier notifier;
	@Autowired
	NotificationSettings settings;
	@Autowired
	OutboxMailRepository outbox;
	@Autowired
	MailIntake intake;
	@Autowired
	MailMessageRepository mails;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	TransactionTemplate transaction;

	JavaMailSenderImpl smtp;
	String run;
	String caller;
	Incident incident;

	@BeforeEach
	void setUp() {
		smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(greenMail.getSmtp().getPort());
		run = IntakeTestSupport.newRun();
		caller = "outbox-" + run + "@example.net";
		IncomingMail mail = new IncomingMail("<first-" + run + "@client.example.net>", caller, null,
				"Printer offline " + run, "No power.", List.of(), Map.of(), null);
		incident = incidents.findByNumber(intake.receive(mail).incidentNumber()).orElseThrow();
	}

	private IncidentNotice notice(IncidentNotice.Kind kind, String detail) {
		return new IncidentNotice(incident.getNumber(), kind, IncidentNotice.Audience.USER, caller, detail);
	}

	/** Publishes the notice as the product does: inside the transaction of a change. */
	private void publishCommitted(IncidentNotice notice) {
		transaction.executeWithoutResult(status -> events.publishEvent(notice));
	}

	private List<OutboxMail> rows(IncidentNotice notice) {
		return outbox.findByIncidentNumberOrderByIdAsc(incident.getNumber()).stream()
			.filter(row -> row.notice().equals(notice))
			.toList();
	}

	private OutboxMail row(IncidentNotice notice) {
		List<OutboxMail> rows = rows(notice);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private List<MimeMessage> received(String messageId) throws Exception {
		return MailNotifierTest.received(greenMail, messageId);
	}

	@Test
	void aNoticeOfARolledBackChangeLeavesNoRowAndSendsNothing() throws Exception {
		IncidentNotice notice = notice(IncidentNotice.Kind.CLOSED, "rolled back " + run);

		transaction.executeWithoutResult(status -> {
			events.publishEvent(notice);
			status.setRollbackOnly();
		});
		notifier.drain(smtp, ActivityLog.now());

		assertThat(rows(notice)).isEmpty();
		assertThat(greenMail.getReceivedMessages()).noneMatch(m -> subject(m).contains("Closed: Printer offline " + run));
	}

	@Test
	void aCommittedNoticeIsSentOnceWithAutoSubmittedAndThreading() throws Exception {
		IncidentNotice notice = notice(IncidentNotice.Kind.RESOLVED, "Power cable replaced.");
		publishCommitted(notice);
		OutboxMail queued = row(notice);
		assertThat(queued.getStatus()).isEqualTo(OutboxMail.Status.PENDING);
		assertThat(queued.getMessageId()).endsWith("@incidentflow.local>");

		Instant now = ActivityLog.now();
		notifier.drain(smtp, now);
		notifier.drain(smtp, now.plusSeconds(3600));

		List<MimeMessage> sent = received(queued.getMessageId());
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(sent.get(0).getHeader("In-Reply-To", null)).isEqualTo("<first-" + run + "@client.example.net>");
		assertThat(sent.get(0).getSubject()).isEqualTo("[" + incident.getNumber() + "] Resolved: Printer offline " + run);
		OutboxMail done = row(notice);
		assertThat(done.getStatus()).isEqualTo(OutboxMail.Status.SENT);
		assertThat(done.getSentAt()).isNotNull();
		assertThat(done.getAttempts()).isEqualTo(1);
		MailMessage record = mails.findByMessageId(queued.getMessageId()).orElseThrow();
		assertThat(record.getDirection()).isEqualTo(MailMessage.Direction.OUT);
		assertThat(record.getIncidentId()).isEqualTo(incident.getId());
	}

	@Test
	void whileSmtpIsDownTheRowWaitsWithBackoffThenGoesOutWithTheSameMessageId() throws Exception {
		IncidentNotice notice = notice(IncidentNotice.Kind.ESCALATED, "Escalated " + run);
		publishCommitted(notice);
		String messageId = row(notice).getMessageId();
		JavaMailSenderImpl down = new JavaMailSenderImpl();
		down.setHost("127.0.0.1");
		down.setPort(1);
		Instant now = ActivityLog.now();

		notifier.drain(down, now);

		OutboxMail failed = row(notice);
		assertThat(failed.getStatus()).isEqualTo(OutboxMail.Status.PENDING);
		assertThat(failed.getAttempts()).isEqualTo(1);
		assertThat(failed.getLastError()).isNotBlank();
		assertThat(failed.getNextAttemptAt()).isAfter(now.plus(settings.getInitialBackoff()).minusSeconds(1));
		assertThat(failed.getClaimedUntil()).isNull();
		assertThat(received(messageId)).isEmpty();

		// SMTP is back, but the backoff has not passed yet: nothing is sent
		notifier.drain(smtp, now.plusSeconds(1));
		assertThat(received(messageId)).isEmpty();

		notifier.drain(smtp, now.plus(settings.getInitialBackoff()).plusSeconds(1));
		assertThat(received(messageId)).hasSize(1);
		OutboxMail sent = row(notice);
		assertThat(sent.getStatus()).isEqualTo(OutboxMail.Status.SENT);
		assertThat(sent.getAttempts()).isEqualTo(2);
		assertThat(sent.getMessageId()).isEqualTo(messageId);
	}

	@Test
	void backoffDoublesUpToItsCap() {
		NotificationSettings backoff = new NotificationSettings();
		assertThat(backoff.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(backoff.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(backoff.backoff(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(backoff.backoff(7)).isEqualTo(Duration.ofHours(1));
		assertThat(backoff.backoff(30)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void afterTheLastAttemptTheRowIsLeftForAnAdministrator() throws Exception {
		IncidentNotice notice = notice(IncidentNotice.Kind.SLA_WARNING, "Warning " + run);
		publishCommitted(notice);
		JavaMailSenderImpl down = new JavaMailSenderImpl();
		down.setHost("127.0.0.1");
		down.setPort(1);
		Instant now = ActivityLog.now();

		for (int attempt = 1; attempt <= settings.getMaxAttempts(); attempt++) {
			notifier.drain(down, now);
			now = row(notice).getNextAttemptAt().plusSeconds(1);
		}
		OutboxMail given = row(notice);
		assertThat(given.getStatus()).isEqualTo(OutboxMail.Status.FAILED);
		assertThat(given.getAttempts()).isEqualTo(settings.getMaxAttempts());

		notifier.drain(smtp, now.plusSeconds(7200));
		assertThat(received(given.getMessageId())).isEmpty();
	}

	@Test
	void twoConcurrentDrainsSendEachRowOnce() throws Exception {
		List<IncidentNotice> notices = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			IncidentNotice notice = notice(IncidentNotice.Kind.CALLER_UPDATED, "Update " + i + " " + run);
			notices.add(notice);
			publishCommitted(notice);
		}
		Instant now = ActivityLog.now();
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<org.incidentflow.outbound.OutboxDrain.Result>> drains = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				drains.add(nodes.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return notifier.drain(smtp, now);
				}));
			}
			for (Future<org.incidentflow.outbound.OutboxDrain.Result> drain : drains) {
				drain.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			nodes.shutdownNow();
		}

		for (IncidentNotice notice : notices) {
			OutboxMail row = row(notice);
			assertThat(row.getStatus()).isEqualTo(OutboxMail.Status.SENT);
			assertThat(row.getAttempts()).isEqualTo(1);
			assertThat(received(row.getMessageId())).hasSize(1);
		}
	}

	@Test
	void aRowClaimedByACrashedNodeIsSentAfterItsLeaseRanOut() throws Exception {
		IncidentNotice notice = notice(IncidentNotice.Kind.ASSIGNED, "Assigned " + run);
		publishCommitted(notice);
		OutboxMail queued = row(notice);
		Instant now = ActivityLog.now();
		// another node claimed the row and died before it sent or released it
		Integer claimed = transaction.execute(status -> outbox.claim(queued.getId(), now, now.plus(settings.getLease())));
		assertThat(claimed).isEqualTo(1);

		notifier.drain(smtp, now.plusSeconds(1));
		assertThat(received(queued.getMessageId())).isEmpty();
		assertThat(row(notice).getStatus()).isEqualTo(OutboxMail.Status.PENDING);

		notifier.drain(smtp, now.plus(settings.getLease()).plusSeconds(1));
		assertThat(received(queued.getMessageId())).hasSize(1);
		assertThat(row(notice).getStatus()).isEqualTo(OutboxMail.Status.SENT);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
