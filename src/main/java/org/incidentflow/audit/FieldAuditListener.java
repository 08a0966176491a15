package org.incidentflow.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.hibernate.Hibernate;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.incidentflow.incident.ActivityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic field-change audit of every record type with an {@link AuditTrail} (incidents, problems): whichever code
 * changes a record (process delegates, the API, intake), every changed persistent field gets one {@code FIELD_CHANGED}
 * row (who, when, field, old, new) and a change of {@code state} also a {@code STATE_CHANGED} row. It also stamps
 * {@code updatedAt}.
 * <p>
 * The rows are written with plain JDBC on the session's own connection while Hibernate flushes: persisting entities
 * from inside a flush is not allowed, and the same connection means the same transaction, so an audit row exists
 * exactly when the change it describes was committed.
 */
public class FieldAuditListener implements PreUpdateEventListener, PostUpdateEventListener {

	public static final String FIELD_CHANGED = AuditTrail.FIELD_CHANGED;
	public static final String STATE_CHANGED = AuditTrail.STATE_CHANGED;

	private static final Logger log = LoggerFactory.getLogger(FieldAuditListener.class);

	private final Map<Class<?>, AuditTrail<?>> trails;
	private final Supplier<String> actor;

	public FieldAuditListener(List<AuditTrail<?>> trails, Supplier<String> actor) {
		this.trails = trails.stream().collect(java.util.stream.Collectors.toMap(AuditTrail::type, t -> t));
		this.actor = actor;
	}

	private AuditTrail<?> trailOf(Object entity) {
		return entity == null ? null : trails.get(Hibernate.getClass(entity));
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		AuditTrail<?> trail = trailOf(event.getEntity());
		if (trail != null) {
			Instant now = ActivityLog.now();
			// the update statement is built from this state array, so the stamp must go there as well as on the entity
			event.getState()[propertyIndex(event.getPersister(), "updatedAt")] = now;
			trail.stamp(event.getEntity(), now);
		}
		return false;
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		AuditTrail<?> trail = trailOf(event.getEntity());
		if (trail == null) {
			return;
		}
		Object[] oldState = event.getOldState();
		if (oldState == null) {
			// only for updates of detached instances without a snapshot, which this code base does not do
			log.warn("No previous state to audit the update of {} {}", trail.recordTable(), trail.numberOf(event.getEntity()));
			return;
		}
		Object[] newState = event.getState();
		String[] names = event.getPersister().getPropertyNames();
		Instant at = ActivityLog.now();
		String who = actor.get();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			if (AuditTrail.NOT_AUDITED.contains(names[i])) {
				continue;
			}
			String before = text(event, oldState[i], trails);
			String after = text(event, newState[i], trails);
			if (Objects.equals(before, after)) {
				continue;
			}
			rows.add(new Object[] { FIELD_CHANGED, names[i], before, after, null });
			if ("state".equals(names[i])) {
				rows.add(new Object[] { STATE_CHANGED, names[i], before, after, before + " → " + after });
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		Long recordId = (Long) event.getId();
		String sql = trail.insertSql();
		event.getSession().doWork(connection -> {
			try (PreparedStatement insert = connection.prepareStatement(sql)) {
				for (Object[] row : rows) {
					insert.setLong(1, recordId);
					insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
					insert.setString(3, who);
					insert.setString(4, (String) row[0]);
					insert.setString(5, (String) row[1]);
					insert.setString(6, (String) row[2]);
					insert.setString(7, (String) row[3]);
					insert.setString(8, (String) row[4]);
					insert.addBatch();
				}
				insert.executeBatch();
			}
		});
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	/** Like {@link #text(Object, Map)}, but reads the number of a linked record not loaded yet with plain JDBC. */
	private static String text(PostUpdateEvent event, Object value, Map<Class<?>, AuditTrail<?>> trails) {
		// never initialise a lazy proxy in the middle of a flush
		if (value instanceof HibernateProxy proxy && !Hibernate.isInitialized(proxy)) {
			Long id = (Long) proxy.getHibernateLazyInitializer().getInternalIdentifier();
			AuditTrail<?> linked = trails.get(proxy.getHibernateLazyInitializer().getPersistentClass());
			if (linked == null) {
				return String.valueOf(id);
			}
			String sql = "select number from " + linked.recordTable() + " where id = ?";
			return event.getSession().doReturningWork(connection -> {
				try (PreparedStatement query = connection.prepareStatement(sql)) {
					query.setLong(1, id);
					try (ResultSet row = query.executeQuery()) {
						return row.next() ? row.getString(1) : null;
					}
				}
			});
		}
		return text(value, trails);
	}

	/** How a value appears in the trail: enum codes in lower case as in the API, instants in ISO-8601, linked records by number. */
	static String text(Object value, Map<Class<?>, AuditTrail<?>> trails) {
		if (value == null) {
			return null;
		}
		if (value instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT);
		}
		AuditTrail<?> linked = trails.get(Hibernate.getClass(value));
		if (linked != null) {
			return linked.numberOf(value);
		}
		return value.toString();
	}

	private static int propertyIndex(EntityPersister persister, String property) {
		String[] names = persister.getPropertyNames();
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals(property)) {
				return i;
			}
		}
		throw new IllegalStateException("No property " + property + " on " + persister.getEntityName());
	}

}
