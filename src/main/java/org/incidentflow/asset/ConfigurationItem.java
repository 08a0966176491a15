package org.incidentflow.asset;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One configuration item. Its id is chosen by people ({@code vpn-gw-lyon}) because monitoring labels, mail and the
 * incidents name it; it is stored in lower case so that {@code VPN-GW-LYON} and {@code vpn-gw-lyon} are one CI.
 * The entity refuses what the table would refuse, so that every door (API, CSV import, demo data) gets the same
 * rules and a readable reason.
 */
@Entity
@Table(name = "configuration_item")
public class ConfigurationItem {

	public static final int ID_MAX = 100;
	public static final int NAME_MAX = 200;
	public static final int SERVICE_MAX = 100;
	public static final int GROUP_MAX = 64;
	public static final int LOCATION_MAX = 200;

	/** Letters, digits and {@code . _ - :} (host names, asset tags), starting with a letter or digit. */
	public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._:-]{0," + (ID_MAX - 1) + "}");

	@Id
	@Column(length = ID_MAX)
	private String id;

	@Version
	private long version;

	@Column(nullable = false, length = NAME_MAX)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private CiType type;

	/** The business service this CI supports; incidents on the CI are incidents of this service. */
	@Column(nullable = false, length = SERVICE_MAX)
	private String service;

	@Column(name = "owner_group", length = GROUP_MAX)
	private String ownerGroup;

	/** 1 (most critical) to 4. */
	@Column(nullable = false)
	private int criticality;

	@Column(length = LOCATION_MAX)
	private String location;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private CiStatus status;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "configuration_item_relationship", joinColumns = @JoinColumn(name = "source_id"))
	private Set<Relationship> relationships = new LinkedHashSet<>();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false, length = 100)
	private String createdBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false, length = 100)
	private String updatedBy;

	protected ConfigurationItem() {
	}

	public ConfigurationItem(String id, Attributes attributes, String actor, Instant now) {
		this.id = normalizeId(id);
		if (!ID_PATTERN.matcher(this.id).matches()) {
			throw new Refused("id", "must be 1 to " + ID_MAX
					+ " letters, digits or . _ - : and start with a letter or digit");
		}
		this.createdAt = now;
		this.createdBy = actor;
		apply(attributes, actor, now);
	}

	/** The canonical form of an id as people and systems write it: trimmed, lower case. */
	public static String normalizeId(String id) {
		return id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Replaces every attribute and relationship; answers whether anything changed, so that an import of the same
	 * file twice changes nothing (and does not bump the version or the update time).
	 */
	public boolean apply(Attributes attributes, String actor, Instant now) {
		attributes.check(id);
		if (attributes.equals(attributes())) {
			return false;
		}
		this.name = attributes.name();
		this.type = attributes.type();
		this.service = attributes.service();
		this.ownerGroup = attributes.ownerGroup();
		this.criticality = attributes.criticality();
		this.location = attributes.location();
		this.status = attributes.status();
		this.relationships.clear();
		this.relationships.addAll(attributes.relationships());
		this.updatedAt = now;
		this.updatedBy = actor;
		return true;
	}

	public Attributes attributes() {
		return new Attributes(name, type, service, ownerGroup, criticality, location, status, Set.copyOf(relationships));
	}

	public String getId() { return id; }
	public long getVersion() { return version; }
	public String getName() { return name; }
	public CiType getType() { return type; }
	public String getService() { return service; }
	public String getOwnerGroup() { return ownerGroup; }
	public int getCriticality() { return criticality; }
	public String getLocation() { return location; }
	public CiStatus getStatus() { return status; }
	public Set<Relationship> getRelationships() { return Collections.unmodifiableSet(relationships); }
	public Instant getCreatedAt() { return createdAt; }
	public String getCreatedBy() { return createdBy; }
	public Instant getUpdatedAt() { return updatedAt; }
	public String getUpdatedBy() { return updatedBy; }

	/** The API's name of the list of targets of a relationship type: {@code dependsOn}, {@code runsOn}. */
	public static String fieldOf(RelationshipType type) {
		return type == RelationshipType.DEPENDS_ON ? "dependsOn" : "runsOn";
	}

	/** A value the registry does not accept, with the API name of its field. */
	public static class Refused extends IllegalArgumentException {

		private final String field;

		public Refused(String field, String message) {
			super(field + " " + message);
			this.field = field;
		}

		public String field() {
			return field;
		}

		/** The reason without the field name. */
		public String reason() {
			return getMessage().substring(field.length() + 1);
		}

	}

	/** Everything about a CI except its id and bookkeeping; optional texts are null, never blank. */
	public record Attributes(String name, CiType type, String service, String ownerGroup, int criticality,
			String location, CiStatus status, Set<Relationship> relationships) {

		public Attributes {
			name = trimToNull(name);
			service = trimToNull(service);
			ownerGroup = trimToNull(ownerGroup);
			location = trimToNull(location);
			relationships = relationships == null ? Set.of() : Set.copyOf(relationships);
		}

		void check(String id) {
			require(name != null, "name", "must not be blank");
			require(name == null || name.length() <= NAME_MAX, "name", "must be at most " + NAME_MAX + " characters");
			require(type != null, "type", "must not be blank");
			require(service != null, "service", "must not be blank");
			require(service == null || service.length() <= SERVICE_MAX, "service",
					"must be at most " + SERVICE_MAX + " characters");
			require(ownerGroup == null || ownerGroup.length() <= GROUP_MAX, "ownerGroup",
					"must be at most " + GROUP_MAX + " characters");
			require(criticality >= 1 && criticality <= 4, "criticality", "must be 1 to 4");
			require(location == null || location.length() <= LOCATION_MAX, "location",
					"must be at most " + LOCATION_MAX + " characters");
			require(status != null, "status", "must not be blank");
			for (Relationship relationship : relationships) {
				require(!relationship.getTargetId().equals(id), fieldOf(relationship.getType()),
						"a configuration item cannot depend on or run on itself");
			}
		}

		private static void require(boolean condition, String field, String message) {
			if (!condition) {
				throw new Refused(field, message);
			}
		}

		private static String trimToNull(String text) {
			return text == null || text.isBlank() ? null : text.trim();
		}

	}

}
