package org.incidentflow.major;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.incidentflow.engine.EngineAsSystem;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentNotice.Audience;
import org.incidentflow.incident.IncidentNotice.Kind;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.State;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declares major incidents and links children to them, whoever asks (detection, the API, a process step). The rules
 * of the link are ServiceNow's: one level only (a parent is no child, a child with children is no child), no cycles,
 * no closed or resolved parent; linking again to the same parent changes nothing. A child keeps its own process and
 * its own SLA clocks: the link changes {@code parent_id} and the audit trails, nothing else, and the parent record
 * itself is not written (only its activity), so that many children may join one parent at the same time.
 */
@Service
public class MajorIncidentService implements MajorIncidents {

	private final IncidentRepository incidents;
	private final MajorIncidentRepository majors;
	private final ActivityLog activity;
	private final RuntimeService runtimeService;
	private final ApplicationEventPublisher events;

	public MajorIncidentService(IncidentRepository incidents, MajorIncidentRepository majors, ActivityLog activity,
			RuntimeService runtimeService, ApplicationEventPublisher events) {
		this.incidents = incidents;
		this.majors = majors;
		this.activity = activity;
		this.runtimeService = runtimeService;
		this.events = events;
	}

	@Override
	@Transactional
	public String declare(String incidentNumber, String reason, String declaredBy) {
		Incident incident = find(incidentNumber, "number");
		if (incident.isMajor()) {
			return incident.getNumber();
		}
		String why = required(reason, "reason");
		if (!incident.isOpen() || incident.getState() == State.RESOLVED) {
			throw new MajorIncidentRefusal("number", incident.getNumber() + " is " + incident.getState().code()
					+ "; only an open incident can become a major incident.");
		}
		if (incident.getParent() != null) {
			throw new MajorIncidentRefusal("number", incident.getNumber() + " is a child of "
					+ incident.getParent().getNumber() + "; unlink it before declaring it a major incident.");
		}
		incident.setMajor(true);
		incident.setUpdatedAt(ActivityLog.now());
		majors.save(new MajorIncident(incident.getId(), ActivityLog.now(), declaredBy, why));
		activity.fieldChanged(incident, "major", false, true);
		activity.event(incident, "MAJOR_DECLARED", "Declared a major incident by " + declaredBy + ": " + why);
		Map<String, Object> variables = new HashMap<>();
		variables.put(MajorIncidentProcess.Vars.INCIDENT_NUMBER, incident.getNumber());
		variables.put(MajorIncidentProcess.Vars.TITLE, incident.getTitle());
		variables.put(MajorIncidentProcess.Vars.SERVICE, incident.getService());
		variables.put(MajorIncidentProcess.Vars.PRIORITY, incident.getPriority());
		variables.put(MajorIncidentProcess.Vars.DECLARE_REASON, why);
		variables.put(MajorIncidentProcess.Vars.STAKEHOLDER_GROUPS, incident.getAssignmentGroup());
		String number = incident.getNumber();
		EngineAsSystem.call(() -> {
			ProcessInstance instance = runtimeService.startProcessInstanceByKey(MajorIncidentProcess.KEY, number,
					variables);
			return instance.getId();
		});
		return number;
	}

	@Override
	@Transactional
	public void link(String childNumber, String parentNumber, String reason, String actor) {
		Incident child = find(childNumber, "number");
		Incident parent = find(parentNumber, "parent");
		if (parent.getId().equals(child.getId())) {
			throw new MajorIncidentRefusal("parent", "An incident cannot be its own parent.");
		}
		if (child.getParent() != null && child.getParent().getId().equals(parent.getId())) {
			return;
		}
		if (child.getParent() != null) {
			throw new MajorIncidentRefusal("parent", child.getNumber() + " is already a child of "
					+ child.getParent().getNumber() + "; unlink it first.");
		}
		for (Incident above = parent; above != null; above = above.getParent()) {
			if (above.getId().equals(child.getId())) {
				throw new MajorIncidentRefusal("parent", "Linking " + child.getNumber() + " under "
						+ parent.getNumber() + " would make a cycle.");
			}
		}
		if (parent.getParent() != null) {
			throw new MajorIncidentRefusal("parent", parent.getNumber() + " is itself a child of "
					+ parent.getParent().getNumber() + "; link to " + parent.getParent().getNumber() + " instead.");
		}
		if (child.isMajor() || incidents.countByParentId(child.getId()) > 0) {
			throw new MajorIncidentRefusal("number", child.getNumber()
					+ " is a parent with children of its own and cannot become a child.");
		}
		if (!parent.isOpen() || parent.getState() == State.RESOLVED) {
			throw new MajorIncidentRefusal("parent", parent.getNumber() + " is " + parent.getState().code()
					+ "; incidents cannot be linked to it.");
		}
		if (!child.isOpen()) {
			throw new MajorIncidentRefusal("number", child.getNumber() + " is " + child.getState().code()
					+ " and cannot be linked.");
		}
		String why = reason == null || reason.isBlank() ? "no reason given" : reason.trim();
		child.setParent(parent);
		child.setUpdatedAt(ActivityLog.now());
		activity.fieldChanged(child, "parent", null, parent.getNumber());
		activity.event(child, "LINKED_TO_PARENT", "Linked to " + parent.getNumber() + " by " + actor + ": " + why);
		activity.event(parent, "MAJOR_CHILD_LINKED", child.getNumber() + " linked by " + actor + ": " + why);
		if (parent.isMajor()) {
			events.publishEvent(new IncidentNotice(child.getNumber(), Kind.MAJOR_LINKED, Audience.USER,
					child.getCaller(), "Your incident is part of the known major incident " + parent.getNumber()
							+ " (" + parent.getTitle() + "). We are working on it and will keep you updated."));
		}
	}

	@Override
	@Transactional
	public void unlink(String childNumber, String reason, String actor) {
		String why = required(reason, "reason");
		Incident child = find(childNumber, "number");
		Incident parent = child.getParent();
		if (parent == null) {
			throw new MajorIncidentRefusal("number", child.getNumber() + " is not linked to a parent.");
		}
		child.setParent(null);
		child.setUpdatedAt(ActivityLog.now());
		activity.fieldChanged(child, "parent", parent.getNumber(), null);
		activity.event(child, "UNLINKED_FROM_PARENT", "Unlinked from " + parent.getNumber() + " by " + actor + ": "
				+ why);
		activity.event(parent, "MAJOR_CHILD_UNLINKED", child.getNumber() + " unlinked by " + actor + ": " + why);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> openMajorIncidentFor(String service) {
		if (service == null || service.isBlank()) {
			return Optional.empty();
		}
		return incidents.findOpenMajorIncidents(service.trim(), List.of(State.RESOLVED, State.CLOSED, State.CANCELED))
			.stream().findFirst().map(Incident::getNumber);
	}

	/** The children of a parent, oldest first. */
	@Transactional(readOnly = true)
	public List<Incident> children(Incident parent) {
		return incidents.findByParentIdOrderByReportedAtAscIdAsc(parent.getId());
	}

	public Optional<Incident> findIncident(String number) {
		return number == null || number.isBlank() ? Optional.empty()
				: incidents.findByNumber(number.trim().toUpperCase(Locale.ROOT));
	}

	public Optional<MajorIncident> majorOf(Incident incident) {
		return incident.isMajor() ? majors.findById(incident.getId()) : Optional.empty();
	}

	private Incident find(String number, String field) {
		return findIncident(number).orElseThrow(() -> new NoSuchElementException(field + ": no incident "
				+ (number == null ? "" : number.trim())));
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		return value.trim();
	}

}
