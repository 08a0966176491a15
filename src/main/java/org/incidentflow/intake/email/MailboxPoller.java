package org.incidentflow.intake.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the intake mailbox over IMAP. A mail is marked processed (flag \Seen, or moved to the processed folder) only
 * after the transaction that handled it committed; a mail whose handling failed stays as it was and is tried again at
 * the next poll. Interrupted polls, restarts and several nodes polling the same mailbox are safe because the intake
 * processes each Message-ID once. Mail is read in peek mode, so reading alone never sets \Seen.
 */
@Component
public class MailboxPoller {

	/** What to do with one mail; must commit before returning. */
	@FunctionalInterface
	public interface MailHandler {
		void handle(IncomingMail mail);
	}

	public record PollResult(int handled, int failed) {
	}

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private final MailboxSettings settings;
	private final MailIntake intake;

	public MailboxPoller(MailboxSettings settings, MailIntake intake) {
		this.settings = settings;
		this.intake = intake;
	}

	public PollResult poll() {
		return poll(settings, intake::receive);
	}

	public PollResult poll(MailboxSettings imap, MailHandler handler) {
		String protocol = imap.isSsl() ? "imaps" : "imap";
		Properties properties = new Properties();
		properties.put("mail." + protocol + ".peek", "true");
		properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(imap.getTimeout().toMillis()));
		properties.put("mail." + protocol + ".timeout", String.valueOf(imap.getTimeout().toMillis()));
		Session session = Session.getInstance(properties);
		int handled = 0;
		int failed = 0;
		try (Store store = session.getStore(protocol)) {
			store.connect(imap.getHost(), imap.getPort(), imap.getUsername(), imap.getPassword());
			Folder inbox = store.getFolder(imap.getFolder());
			inbox.open(Folder.READ_WRITE);
			Folder processed = processedFolder(store, imap);
			try {
				// with a processed folder everything left in the inbox is unprocessed, read by a person or not
				Message[] messages = processed != null ? inbox.getMessages()
						: inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				List<Message> batch = new ArrayList<>(List.of(messages));
				if (batch.size() > imap.getMaxPerPoll()) {
					batch = batch.subList(0, imap.getMaxPerPoll());
				}
				for (Message message : batch) {
					try {
						handler.handle(MailReader.read((MimeMessage) message));
					}
					catch (Exception e) {
						failed++;
						log.warn("Mail {} not processed, left unmarked for the next poll", describe(message), e);
						continue;
					}
					markProcessed(inbox, processed, message);
					handled++;
				}
			}
			finally {
				inbox.close(processed != null);
			}
		}
		catch (MessagingException e) {
			log.warn("Polling mailbox {}@{} failed: {}", imap.getUsername(), imap.getHost(), e.getMessage());
		}
		return new PollResult(handled, failed);
	}

	private static Folder processedFolder(Store store, MailboxSettings imap) throws MessagingException {
		if (imap.getProcessedFolder() == null || imap.getProcessedFolder().isBlank()) {
			return null;
		}
		Folder folder = store.getFolder(imap.getProcessedFolder());
		if (!folder.exists()) {
			folder.create(Folder.HOLDS_MESSAGES);
		}
		return folder;
	}

	private static void markProcessed(Folder inbox, Folder processed, Message message) throws MessagingException {
		if (processed == null) {
			message.setFlag(Flags.Flag.SEEN, true);
		}
		else {
			inbox.copyMessages(new Message[] { message }, processed);
			message.setFlag(Flags.Flag.DELETED, true);
		}
	}

	private static String describe(Message message) {
		try {
			return ((MimeMessage) message).getMessageID();
		}
		catch (MessagingException e) {
			return "#" + message.getMessageNumber();
		}
	}

}
