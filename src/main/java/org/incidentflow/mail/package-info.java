/**
 * What the email intake and outgoing mail share, below both: the log of every mail the product read or sent (one row
 * per Message-ID, for threading and for never processing a mail twice) and the identity of the product's own mail
 * (sender, Message-ID domain). Depends on neither {@code intake} nor {@code outbound}.
 */
package org.incidentflow.mail;
