/**
 * The mail channel of the outbox: notices about incidents ({@code IncidentNotice}) become rows of
 * {@code notification_outbox} in the transaction of their change and are sent by SMTP with a Message-ID fixed when
 * queued, threaded to the incident's first mail.
 */
package org.incidentflow.outbound.mail;
