package org.incidentflow.portal;

import java.time.Instant;

/**
 * One line of the public timeline of an incident in the portal.
 *
 * @param kind   {@code comment}, {@code reported}, {@code progress}, {@code escalated}, {@code on-hold},
 *               {@code waiting-for-you}, {@code resumed}, {@code resolved}, {@code reopened}, {@code closed},
 *               {@code canceled}, {@code follow-up} (a CSS modifier and a hook for tests)
 * @param author who wrote a comment, else null
 */
public record TimelineEntry(Instant at, String kind, String title, String text, String author) {
}
