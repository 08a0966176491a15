package org.incidentflow.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incidentflow.mail.*}: the identity of the product's own mail, which both sides need: notification mail is sent
 * with it, and the email intake recognises (and never answers) mail carrying it. The mailbox the intake polls is
 * {@code incidentflow.mail.imap.*} ({@code org.incidentflow.intake.email.MailboxSettings}). Outgoing mail uses Spring
 * Boot's {@code spring.mail.*} (SMTP); an empty {@code spring.mail.host} disables it.
 */
@ConfigurationProperties("incidentflow.mail")
public class MailSettings {

	/** Domain of the Message-IDs the product generates; incoming mail with such an id is the product's own. */
	private String messageIdDomain = "incidentflow.local";

	/** Sender address of notifications. */
	private String from = "incidentflow@localhost";

	public String getMessageIdDomain() { return messageIdDomain; }
	public void setMessageIdDomain(String messageIdDomain) { this.messageIdDomain = messageIdDomain; }
	public String getFrom() { return from; }
	public void setFrom(String from) { this.from = from; }

}
