package org.incidentflow.incident.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.ActivityRepository;
import org.incidentflow.incident.ConfigurationItemLinks;
import org.incidentflow.incident.Comment;
import org.incidentflow.incident.CommentRepository;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.State;
import org.incidentflow.incident.Viewer;
import org.incidentflow.web.EnumCodeValidator;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads incidents for the API. Access rules are part of every query ({@link IncidentAccess#visibleTo(Viewer)}), so
 * pages and counts only ever contain what the viewer may see.
 */
@Service
public class IncidentSearch {

	public static final int DEFAULT_PAGE_SIZE = 20;
	public static final int MAX_PAGE_SIZE = 100;

	/** Sortable API names; they are also the entity's attribute names. */
	public static final Set<String> SORTABLE = Set.of("number", "title", "state", "priority", "impact", "urgency",
			"type", "channel", "caller", "service", "assignmentGroup", "assignee", "reportedAt", "updatedAt",
			"responseDueAt", "resolutionDueAt");

	private static final Sort DEFAULT_SORT = Sort.by(Sort.Order.desc("reportedAt"));

	private final IncidentRepository incidents;
	private final CommentRepository comments;
	private final ActivityRepository activity;
	private final ConfigurationItemLinks configurationItems;

	public IncidentSearch(IncidentRepository incidents, CommentRepository comments, ActivityRepository activity,
			ConfigurationItemLinks configurationItems) {
		this.incidents = incidents;
		this.comments = comments;
		this.activity = activity;
		this.configurationItems = configurationItems;
	}

	@Transactional(readOnly = true)
	public PageView<IncidentSummary> list(IncidentFilter filter, Viewer viewer) {
		return list(filter, viewer, (root, query, cb) -> cb.conjunction());
	}

	/**
	 * The incidents the viewer follows (caller or reporter), whatever else the viewer may see: the portal's
	 * "My incidents", for agents too.
	 */
	@Transactional(readOnly = true)
	public PageView<IncidentSummary> followedBy(IncidentFilter filter, Viewer viewer) {
		return list(filter, viewer, (root, query, cb) -> cb.or(cb.equal(root.get("caller"), viewer.userId()),
				cb.equal(root.get("reportedBy"), viewer.userId())));
	}

	private PageView<IncidentSummary> list(IncidentFilter filter, Viewer viewer, Specification<Incident> also) {
		requireAccess(viewer);
		List<FieldProblem> errors = new ArrayList<>();
		Specification<Incident> matching = matching(filter, errors);
		int page = filter.page() == null ? 0 : filter.page();
		int size = filter.size() == null ? DEFAULT_PAGE_SIZE : filter.size();
		if (page < 0) {
			errors.add(new FieldProblem("page", "must be 0 or more"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			errors.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
		}
		Sort sort = sort(filter.sort(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		Specification<Incident> visible = IncidentAccess.visibleTo(viewer).and(matching).and(also);
		return PageView.of(incidents.findAll(visible, PageRequest.of(page, size, sort)), IncidentSummary::of);
	}

	@Transactional(readOnly = true)
	public IncidentDetails details(String number, Viewer viewer) {
		Incident incident = visible(number, viewer);
		boolean internals = IncidentAccess.maySeeInternals(viewer);
		List<CommentView> commentViews = comments.findByIncidentOrderByCreatedAtAscIdAsc(incident).stream()
			.filter(comment -> internals || comment.getVisibility() == Comment.Visibility.PUBLIC)
			.map(CommentView::of)
			.toList();
		List<ActivityView> activityViews = activity.findByIncidentIdOrderByAtAscIdAsc(incident.getId()).stream()
			.filter(entry -> IncidentAccess.maySeeActivity(viewer, entry.getEvent()))
			.map(ActivityView::of)
			.toList();
		Boolean registered = null;
		IncidentDetails.AssetView asset = null;
		if (internals && incident.getConfigurationItem() != null) {
			Optional<ConfigurationItemLinks.LinkedItem> item = configurationItems.resolve(incident.getConfigurationItem());
			registered = item.isPresent();
			asset = item.map(ci -> assetView(ci, viewer)).orElse(null);
		}
		return IncidentDetails.of(incident, internals, commentViews, activityViews, registered, asset);
	}

	/** The CI with how many incidents the viewer may see on it in the last 30 days (recurring issues). */
	private IncidentDetails.AssetView assetView(ConfigurationItemLinks.LinkedItem ci, Viewer viewer) {
		Instant since = ActivityLog.now().minus(Duration.ofDays(30));
		Specification<Incident> recent = (root, query, cb) -> cb.and(
				cb.equal(root.get("configurationItem"), ci.id()),
				cb.greaterThanOrEqualTo(root.get("reportedAt"), since));
		long count = incidents.count(IncidentAccess.visibleTo(viewer).and(recent));
		return new IncidentDetails.AssetView(ci.id(), ci.name(), ci.type(), ci.service(), ci.ownerGroup(),
				ci.criticality(), ci.status(), count);
	}

	/**
	 * The incident if the viewer may see it. One the viewer may not see answers exactly like a missing one, so that
	 * numbers cannot be probed.
	 */
	@Transactional(readOnly = true)
	public Incident visible(String number, Viewer viewer) {
		requireAccess(viewer);
		String normalized = number.trim().toUpperCase(Locale.ROOT);
		Specification<Incident> byNumber = (root, query, cb) -> cb.equal(root.get("number"), normalized);
		return incidents.findOne(IncidentAccess.visibleTo(viewer).and(byNumber))
			.orElseThrow(() -> Problems.notFound("Incident not found", "There is no incident " + normalized + "."));
	}

	static void requireAccess(Viewer viewer) {
		if (!IncidentAccess.hasAccess(viewer)) {
			throw Problems.forbidden("Your groups give no access to incident records.");
		}
	}

	private static Specification<Incident> matching(IncidentFilter filter, List<FieldProblem> errors) {
		List<State> states = codes(State.class, "state", filter.state(), errors);
		List<IncidentType> types = codes(IncidentType.class, "type", filter.type(), errors);
		List<Integer> priorities = priorities(filter.priority(), errors);
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			if (!states.isEmpty()) {
				where.add(root.get("state").in(states));
			}
			if (!types.isEmpty()) {
				where.add(root.get("type").in(types));
			}
			if (!priorities.isEmpty()) {
				where.add(root.get("priority").in(priorities));
			}
			Map<String, String> exact = new LinkedHashMap<>();
			exact.put("assignmentGroup", filter.group());
			exact.put("assignee", filter.assignee());
			exact.put("caller", filter.caller());
			exact.put("service", filter.service());
			exact.forEach((attribute, value) -> {
				if (value != null && !value.isBlank()) {
					where.add(cb.equal(root.get(attribute), value.trim()));
				}
			});
			if (filter.configurationItem() != null && !filter.configurationItem().isBlank()) {
				// registered CIs are stored in lower case; free text as it was written: match either spelling
				String ci = filter.configurationItem().trim();
				where.add(cb.or(cb.equal(root.get("configurationItem"), ci),
						cb.equal(root.get("configurationItem"), ci.toLowerCase(Locale.ROOT))));
			}
			if (filter.q() != null && !filter.q().isBlank()) {
				String pattern = "%" + escapeLike(filter.q().trim().toLowerCase(Locale.ROOT)) + "%";
				where.add(cb.or(
						cb.like(cb.lower(root.get("title")), pattern, '\\'),
						cb.like(cb.lower(root.get("description")), pattern, '\\'),
						cb.like(cb.lower(root.get("number")), pattern, '\\')));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	private static <E extends Enum<E>> List<E> codes(Class<E> type, String field, String value,
			List<FieldProblem> errors) {
		List<E> parsed = new ArrayList<>();
		for (String code : split(value)) {
			try {
				parsed.add(EnumCodeValidator.parse(type, field, code));
			}
			catch (InvalidRequestException ex) {
				errors.addAll(ex.errors());
				break;
			}
		}
		return parsed;
	}

	private static List<Integer> priorities(String value, List<FieldProblem> errors) {
		List<Integer> parsed = new ArrayList<>();
		for (String code : split(value)) {
			try {
				int priority = Integer.parseInt(code);
				if (priority < 1 || priority > 5) {
					throw new NumberFormatException();
				}
				parsed.add(priority);
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldProblem("priority", "must be a number from 1 to 5"));
				break;
			}
		}
		return parsed;
	}

	/**
	 * {@code sort=priority,asc&sort=reportedAt,desc}; Spring may already have split a single value at its commas,
	 * so a direction applies to the field before it. Ends with the id, so that pages never overlap.
	 */
	static Sort sort(List<String> values, List<FieldProblem> errors) {
		if (values == null || values.isEmpty()) {
			return DEFAULT_SORT.and(Sort.by(Sort.Order.desc("id")));
		}
		List<Sort.Order> orders = new ArrayList<>();
		for (String token : values.stream().flatMap(value -> split(value).stream()).toList()) {
			if (token.equalsIgnoreCase("asc") || token.equalsIgnoreCase("desc")) {
				if (orders.isEmpty()) {
					errors.add(new FieldProblem("sort", "a direction must follow a field name"));
					return DEFAULT_SORT;
				}
				Sort.Order last = orders.remove(orders.size() - 1);
				orders.add(token.equalsIgnoreCase("asc") ? last.with(Sort.Direction.ASC) : last.with(Sort.Direction.DESC));
			}
			else if (SORTABLE.contains(token)) {
				orders.add(Sort.Order.asc(token));
			}
			else {
				errors.add(new FieldProblem("sort", "cannot sort by '" + token + "'; sortable fields: "
						+ String.join(", ", SORTABLE.stream().sorted().toList())));
				return DEFAULT_SORT;
			}
		}
		if (orders.isEmpty()) {
			return DEFAULT_SORT.and(Sort.by(Sort.Order.desc("id")));
		}
		return Sort.by(orders).and(Sort.by(Sort.Order.asc("id")));
	}

	private static List<String> split(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
