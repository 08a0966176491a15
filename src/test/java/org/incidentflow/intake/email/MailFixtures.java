package org.incidentflow.intake.email;

import java.util.Date;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** Builds test mails and inspects the GreenMail mailbox. */
final class MailFixtures {

	static final String MAILBOX = "intake@example.org";
	static final String LOGIN = "intake";
	static final String PASSWORD = "secret";

	private MailFixtures() {
	}

	/** A mail whose Message-ID is exactly {@code messageId} (none at all when null). */
	static MimeMessage mail(String messageId, String from, String subject, String text, String... headers)
			throws MessagingException {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
			@Override
			protected void updateMessageID() throws MessagingException {
				if (messageId == null) {
					removeHeader("Message-ID");
				}
				else {
					setHeader("Message-ID", messageId);
				}
			}
		};
		message.setFrom(new InternetAddress(from));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(MAILBOX));
		message.setSubject(subject, "UTF-8");
		message.setSentDate(new Date(1_790_000_000_000L));
		message.setText(text, "UTF-8");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			message.setHeader(headers[i], headers[i + 1]);
		}
		message.saveChanges();
		return message;
	}

	static MailboxSettings imap(GreenMailExtension greenMail) {
		MailboxSettings imap = new MailboxSettings();
		imap.setHost("127.0.0.1");
		imap.setPort(greenMail.getImap().getPort());
		imap.setSsl(false);
		imap.setUsername(LOGIN);
		imap.setPassword(PASSWORD);
		imap.setEnabled(true);
		return imap;
	}

	/** Mails in the folder without \Seen, read without touching flags. */
	static int unseen(GreenMailExtension greenMail, String folderName) throws MessagingException {
		Session session = Session.getInstance(new Properties());
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", greenMail.getImap().getPort(), LOGIN, PASSWORD);
			Folder folder = store.getFolder(folderName);
			if (!folder.exists()) {
				return 0;
			}
			folder.open(Folder.READ_ONLY);
			try {
				return folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
			}
			finally {
				folder.close(false);
			}
		}
	}

	static int count(GreenMailExtension greenMail, String folderName) throws MessagingException {
		Session session = Session.getInstance(new Properties());
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", greenMail.getImap().getPort(), LOGIN, PASSWORD);
			Folder folder = store.getFolder(folderName);
			if (!folder.exists()) {
				return 0;
			}
			folder.open(Folder.READ_ONLY);
			try {
				return folder.getMessageCount();
			}
			finally {
				folder.close(false);
			}
		}
	}

}
