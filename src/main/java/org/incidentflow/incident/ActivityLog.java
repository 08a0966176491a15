package org.incidentflow.incident;

import java.time.Instant;
import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends to an incident's audit trail. Uses the engine clock so that tests moving time see consistent timestamps.
 * Runs in the caller's transaction: an entry exists exactly when the change it describes was committed.
 */
@Component
public class ActivityLog {

	private final ActivityRepository entries;
	private final CurrentActor actor;
	private final ApplicationEventPublisher events;

	public ActivityLog(ActivityRepository entries, CurrentActor actor, ApplicationEventPublisher events) {
		this.entries = entries;
		this.actor = actor;
		this.events = events;
	}

	/** A lifecycle event: {@code STATE_CHANGED}, {@code ESCALATED}, {@code SLA_WARNING}, {@code SLA_BREACHED}, ... */
	public void event(Incident incident, String event, String detail) {
		entries.save(new ActivityEntry(incident.getId(), now(), actor.userId(), event, null, null, null, detail));
		events.publishEvent(new ActivityRecorded(incident, event, detail));
	}

	/** A field change; nothing is written when the value did not change. */
	public void fieldChanged(Incident incident, String field, Object oldValue, Object newValue) {
		if (Objects.equals(oldValue, newValue)) {
			return;
		}
		entries.save(new ActivityEntry(incident.getId(), now(), actor.userId(), "FIELD_CHANGED", field,
				oldValue == null ? null : oldValue.toString(), newValue == null ? null : newValue.toString(), null));
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
