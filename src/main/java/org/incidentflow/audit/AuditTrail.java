package org.incidentflow.audit;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one audited record type is audited: its table (to read the number of a linked record not loaded yet), its
 * activity table with the column naming the record, how its number reads and how its {@code updatedAt} is stamped.
 * The activity table has the columns {@code (<ownerColumn>, at, actor, event, field, old_value, new_value, detail)}.
 */
public record AuditTrail<E>(Class<E> type, String recordTable, String activityTable, String ownerColumn,
		Function<E, String> number, BiConsumer<E, Instant> stamp) {

	/** Bookkeeping columns, not facts about a record. */
	public static final java.util.Set<String> NOT_AUDITED = java.util.Set.of("version", "updatedAt", "processInstanceId");

	public static final String FIELD_CHANGED = "FIELD_CHANGED";
	public static final String STATE_CHANGED = "STATE_CHANGED";

	String insertSql() {
		return "insert into " + activityTable + " (" + ownerColumn
				+ ", at, actor, event, field, old_value, new_value, detail) values (?, ?, ?, ?, ?, ?, ?, ?)";
	}

	@SuppressWarnings("unchecked")
	String numberOf(Object record) {
		return number.apply((E) record);
	}

	@SuppressWarnings("unchecked")
	void stamp(Object record, Instant now) {
		stamp.accept((E) record, now);
	}

}
