package org.incidentflow.incident;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names under which other systems hear of an incident's lifecycle (outgoing webhooks, chat): defined once, here,
 * and derived from the activity log's lifecycle events ({@link ActivityRecorded}), so every change that writes the
 * audit trail is told, in the transaction that made it, and no caller has to remember to publish anything else.
 */
public final class IncidentEvents {

	public static final String CREATED = "incident.created";
	public static final String UPDATED = "incident.updated";
	public static final String RESOLVED = "incident.resolved";
	public static final String CLOSED = "incident.closed";

	/** Major incident events: subscriptions may name them already; they are sent once major incidents exist. */
	public static final String MAJOR_DECLARED = "major_incident.declared";
	public static final String MAJOR_UPDATED = "major_incident.updated";
	public static final String MAJOR_RESOLVED = "major_incident.resolved";

	/** Every event type a subscription may name, in the order the documentation lists them. */
	public static final List<String> TYPES = List.of(CREATED, UPDATED, RESOLVED, CLOSED, MAJOR_DECLARED, MAJOR_UPDATED,
			MAJOR_RESOLVED);

	/** Wildcards a subscription may name instead of single types. */
	public static final List<String> PATTERNS = List.of("incident.*", "major_incident.*", "*");

	/**
	 * Activity-log events that are not news for other systems: internal work notes stay internal, and a repeated alert
	 * notification changes nothing.
	 */
	static final Set<String> NOT_TOLD = Set.of("WORK_NOTE_ADDED", "ALERT_REPEATED");

	private IncidentEvents() {
	}

	/** The event type other systems hear for a lifecycle event of the activity log, if any. */
	public static Optional<String> typeOf(String activityEvent) {
		if (activityEvent == null || NOT_TOLD.contains(activityEvent)) {
			return Optional.empty();
		}
		return Optional.of(switch (activityEvent) {
			case "REPORTED" -> CREATED;
			// the parent's own lifecycle as a major incident (org.incidentflow.major); its children stay incident.*
			case "MAJOR_DECLARED" -> MAJOR_DECLARED;
			case "MAJOR_ROLES_ASSIGNED", "MAJOR_STATUS_PUBLISHED", "MAJOR_CHILD_LINKED", "MAJOR_CHILD_UNLINKED",
					"MAJOR_UPDATE_MISSED", "MAJOR_REVIEWED" -> MAJOR_UPDATED;
			case "MAJOR_RESOLVED" -> MAJOR_RESOLVED;
			case "RESOLVED" -> RESOLVED;
			// a canceled incident (or a duplicate) is closed for good, like a closed one; the payload says which
			case "CLOSED", "CANCELED" -> CLOSED;
			default -> UPDATED;
		});
	}

	/** True if the subscribed names or patterns cover the event type. */
	public static boolean matches(Iterable<String> subscribed, String type) {
		for (String name : subscribed) {
			if (name.equals(type) || name.equals("*")
					|| name.endsWith(".*") && type.startsWith(name.substring(0, name.length() - 1))) {
				return true;
			}
		}
		return false;
	}

	/** True if the name is an event type or a pattern a subscription may name. */
	public static boolean isKnown(String name) {
		return TYPES.contains(name) || PATTERNS.contains(name);
	}

}
