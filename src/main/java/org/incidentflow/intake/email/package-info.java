/**
 * Mail intake: a mailbox polled over IMAP, automatic mails (bounces, auto-replies) skipped, replies threaded to their
 * incident as comments, new mails classified by the {@code email-classification} decision and reported.
 */
package org.incidentflow.intake.email;
