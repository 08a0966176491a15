package org.incidentflow.asset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's rules over the table: ids are unique, relationships point at registered CIs, and the impact of an
 * outage follows the relationships backwards. Access control is the caller's (the API checks the groups).
 */
@Service
public class ConfigurationItemRegistry {

	/** How far the impact traversal walks at most: deeper chains are a modelling error, not an outage's reach. */
	static final int MAX_IMPACT_DEPTH = 20;

	private final ConfigurationItemRepository items;
	private final EntityManager entityManager;

	public ConfigurationItemRegistry(ConfigurationItemRepository items, EntityManager entityManager) {
		this.items = items;
		this.entityManager = entityManager;
	}

	/**
	 * Inserts a new CI, always as an INSERT: the repository's {@code save} would merge an entity with an assigned id,
	 * and a merge that finds the row another transaction committed a moment ago silently overwrites it. An INSERT
	 * fails on the primary key instead, and the caller answers 409 or retries.
	 */
	void insert(ConfigurationItem item) {
		entityManager.persist(item);
	}

	/** A CI by its id in any case; empty for an unknown id. */
	@Transactional(readOnly = true)
	public Optional<ConfigurationItem> find(String id) {
		String normalized = ConfigurationItem.normalizeId(id);
		return normalized.isEmpty() ? Optional.empty() : items.findById(normalized);
	}

	@Transactional(readOnly = true)
	public ConfigurationItem get(String id) {
		return find(id).orElseThrow(() -> Problems.notFound("Configuration item not found",
				"There is no configuration item " + ConfigurationItem.normalizeId(id) + "."));
	}

	/** Registers a new CI; 409 if the id is taken (also when another request registered it a moment earlier). */
	@Transactional
	public ConfigurationItem create(String id, ConfigurationItem.Attributes attributes, String actor) {
		String normalized = ConfigurationItem.normalizeId(id);
		if (items.existsById(normalized)) {
			throw alreadyRegistered(normalized);
		}
		ConfigurationItem item = refusedAsBadRequest(() -> new ConfigurationItem(id, attributes, actor, now()));
		requireTargetsExist(item.getId(), attributes.relationships(), Set.of());
		try {
			insert(item);
			entityManager.flush();
			return item;
		}
		catch (DataIntegrityViolationException | org.hibernate.exception.ConstraintViolationException raced) {
			// the primary key: another request registered the id after our check
			throw alreadyRegistered(normalized);
		}
	}

	/** Replaces the attributes and relationships of a registered CI. */
	@Transactional
	public ConfigurationItem update(String id, ConfigurationItem.Attributes attributes, String actor) {
		ConfigurationItem item = get(id);
		requireTargetsExist(item.getId(), attributes.relationships(), Set.of());
		refusedAsBadRequest(() -> item.apply(attributes, actor, now()));
		return items.saveAndFlush(item);
	}

	@Transactional(readOnly = true)
	public Page<ConfigurationItem> list(Filter filter, int page, int size) {
		return items.findAll(matching(filter), PageRequest.of(page, size, Sort.by("id")));
	}

	/** The CIs whose relationships point at this one: what directly depends on it or runs on it. */
	@Transactional(readOnly = true)
	public List<ConfigurationItem> dependentsOf(String id) {
		return items.findAllById(items.findSourcesOf(List.of(get(id).getId()))).stream()
			.sorted(java.util.Comparator.comparing(ConfigurationItem::getId)).toList();
	}

	/**
	 * Which CIs and services an outage of this CI affects: breadth first along the relationships backwards, each CI
	 * once (cycles in the model end there), at most {@value #MAX_IMPACT_DEPTH} steps away.
	 */
	@Transactional(readOnly = true)
	public Impact impactOf(String id) {
		ConfigurationItem item = get(id);
		Map<String, Integer> distance = new LinkedHashMap<>();
		distance.put(item.getId(), 0);
		Set<String> frontier = Set.of(item.getId());
		for (int step = 1; step <= MAX_IMPACT_DEPTH && !frontier.isEmpty(); step++) {
			Set<String> next = new TreeSet<>();
			for (String source : items.findSourcesOf(frontier)) {
				if (!distance.containsKey(source)) {
					distance.put(source, step);
					next.add(source);
				}
			}
			frontier = next;
		}
		Map<String, ConfigurationItem> byId = new LinkedHashMap<>();
		items.findAllById(distance.keySet()).forEach(ci -> byId.put(ci.getId(), ci));
		List<Impact.Affected> affected = distance.entrySet().stream()
			.filter(entry -> entry.getValue() > 0 && byId.containsKey(entry.getKey()))
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(entry -> new Impact.Affected(byId.get(entry.getKey()), entry.getValue()))
			.toList();
		Set<String> services = new TreeSet<>();
		services.add(item.getService());
		affected.forEach(a -> services.add(a.item().getService()));
		return new Impact(item, affected, List.copyOf(services));
	}

	/** Filters of the list; null or blank means any. */
	public record Filter(CiType type, CiStatus status, String service, String ownerGroup, Integer criticality,
			String q) {
	}

	/**
	 * Refuses relationships to CIs that are neither registered nor in {@code alsoKnown} (the rows of the same import),
	 * naming the field and the unknown ids.
	 */
	void requireTargetsExist(String id, Collection<Relationship> relationships, Set<String> alsoKnown) {
		List<FieldProblem> problems = missingTargets(id, relationships, alsoKnown);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
	}

	List<FieldProblem> missingTargets(String id, Collection<Relationship> relationships, Set<String> alsoKnown) {
		Set<String> targets = new TreeSet<>();
		relationships.forEach(r -> targets.add(r.getTargetId()));
		targets.removeAll(alsoKnown);
		if (targets.isEmpty()) {
			return List.of();
		}
		Set<String> missing = new TreeSet<>(targets);
		missing.removeAll(items.findExistingIds(targets));
		List<FieldProblem> problems = new ArrayList<>();
		for (RelationshipType type : RelationshipType.values()) {
			Set<String> unknown = new LinkedHashSet<>();
			relationships.stream().filter(r -> r.getType() == type && missing.contains(r.getTargetId()))
				.forEach(r -> unknown.add(r.getTargetId()));
			if (!unknown.isEmpty()) {
				problems.add(new FieldProblem(ConfigurationItem.fieldOf(type),
						"unknown configuration item" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)));
			}
		}
		return problems;
	}

	/** The engine's clock, as for incidents and their activity, so that tests that move it see consistent times. */
	Instant now() {
		return ClockUtil.now().toInstant();
	}

	static <T> T refusedAsBadRequest(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (ConfigurationItem.Refused refused) {
			throw new InvalidRequestException(refused.field(), refused.reason());
		}
	}

	private static RuntimeException alreadyRegistered(String id) {
		return Problems.conflict("Configuration item exists",
				"There is already a configuration item " + id + "; change it with PUT /api/configuration-items/" + id + ".");
	}

	private static Specification<ConfigurationItem> matching(Filter filter) {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (filter.type() != null) {
				where.add(cb.equal(root.get("type"), filter.type()));
			}
			if (filter.status() != null) {
				where.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.criticality() != null) {
				where.add(cb.equal(root.get("criticality"), filter.criticality()));
			}
			if (filter.service() != null && !filter.service().isBlank()) {
				where.add(cb.equal(root.get("service"), filter.service().trim()));
			}
			if (filter.ownerGroup() != null && !filter.ownerGroup().isBlank()) {
				where.add(cb.equal(root.get("ownerGroup"), filter.ownerGroup().trim()));
			}
			if (filter.q() != null && !filter.q().isBlank()) {
				String pattern = "%" + filter.q().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
					.replace("%", "\\%").replace("_", "\\_") + "%";
				where.add(cb.or(cb.like(root.get("id"), pattern, '\\'),
						cb.like(cb.lower(root.get("name")), pattern, '\\')));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

}
