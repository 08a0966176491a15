package org.incidentflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.incidentflow.incident.IncidentProcess;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters with literal values. Stored-query expressions such as {@code ${currentUser()}} are switched off
 * for security, so each user and each group gets its own filter instead. Idempotent: call it for a new user or
 * group at any time ({@link #ensureUserFilter(String)}, {@link #ensureGroupFilter(String)}).
 */
@Component
public class TaskFilters {

	public static final String MY_TASKS = "My tasks";
	public static final String MY_GROUPS_TASKS = "My group's tasks";
	public static final String ALL_TASKS = "All tasks";

	private final FilterService filterService;
	private final TaskService taskService;
	private final AuthorizationGrants grants;

	public TaskFilters(FilterService filterService, TaskService taskService, AuthorizationGrants grants) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.grants = grants;
	}

	/** "My tasks": the tasks assigned to the user; the owner of a filter may use it. */
	public Filter ensureUserFilter(String userId) {
		Filter existing = filterService.createTaskFilterQuery().filterName(MY_TASKS).filterOwner(userId)
				.singleResult();
		if (existing != null) {
			return withProductColumns(existing);
		}
		TaskQuery query = taskService.createTaskQuery().taskAssignee(userId)
				.orderByTaskPriority().desc().orderByDueDate().asc();
		Filter filter = filterService.newTaskFilter(MY_TASKS).setOwner(userId).setQuery(query)
				.setProperties(properties("Tasks assigned to me", -10));
		return filterService.saveFilter(filter);
	}

	/** "My group's tasks": open tasks of the group, claimed or not, most urgent first; readable by the group. */
	public Filter ensureGroupFilter(String groupId) {
		Filter filter = filterService.createTaskFilterQuery().filterName(MY_GROUPS_TASKS).list().stream()
				.filter(f -> f.getOwner() == null)
				.filter(f -> groupId.equals(((TaskQueryImpl) f.getQuery()).getCandidateGroup()))
				.findFirst()
				.orElse(null);
		if (filter == null) {
			TaskQuery query = taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()
					.orderByTaskPriority().desc().orderByDueDate().asc();
			filter = filterService.saveFilter(filterService.newTaskFilter(MY_GROUPS_TASKS).setQuery(query)
					.setProperties(properties("Open tasks of " + groupId, 0)));
		}
		else {
			filter = withProductColumns(filter);
		}
		grants.grantGroup(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
		return filter;
	}

	/** "All tasks": every task the reader may see; for incident managers (administrators see all filters). */
	public Filter ensureAllTasksFilter() {
		Filter filter = filterService.createTaskFilterQuery().filterName(ALL_TASKS).list().stream()
				.filter(f -> f.getOwner() == null)
				.findFirst()
				.orElse(null);
		if (filter == null) {
			TaskQuery query = taskService.createTaskQuery().orderByTaskPriority().desc().orderByDueDate().asc();
			filter = filterService.saveFilter(filterService.newTaskFilter(ALL_TASKS).setQuery(query)
					.setProperties(properties("All tasks I may see", 10)));
		}
		else {
			filter = withProductColumns(filter);
		}
		grants.grantGroup(AccessGroups.INCIDENT_MANAGERS, Resources.FILTER, filter.getId(), Permissions.READ);
		return filter;
	}

	/**
	 * Filters saved by an earlier version lack columns added since (Tasklist shows only the variables a filter lists):
	 * the missing ones are appended. Columns someone added or relabelled in Tasklist are kept, none is removed.
	 */
	@SuppressWarnings("unchecked")
	private Filter withProductColumns(Filter filter) {
		Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
				: new LinkedHashMap<>(filter.getProperties());
		List<Map<String, Object>> columns = properties.get("variables") instanceof List<?> list
				? new java.util.ArrayList<>((List<Map<String, Object>>) list) : new java.util.ArrayList<>();
		List<Map<String, Object>> missing = COLUMNS.stream()
				.filter(column -> columns.stream().noneMatch(c -> column.get("name").equals(c.get("name"))))
				.toList();
		if (missing.isEmpty()) {
			return filter;
		}
		columns.addAll(missing);
		properties.put("variables", columns);
		return filterService.saveFilter(filter.setProperties(properties));
	}

	/** Shown under each task of the list: the SLA at a glance ({@code sla.SlaStatus}), who and what. */
	private static final List<Map<String, Object>> COLUMNS = List.of(
			Map.of("name", IncidentProcess.Vars.SLA_STATUS, "label", "SLA"),
			Map.of("name", IncidentProcess.Vars.CALLER, "label", "Caller"),
			Map.of("name", IncidentProcess.Vars.SERVICE, "label", "Service"));

	private static Map<String, Object> properties(String description, int priority) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		// Tasklist lists filters by ascending priority
		properties.put("priority", priority);
		properties.put("refresh", true);
		properties.put("variables", COLUMNS);
		return properties;
	}

}
