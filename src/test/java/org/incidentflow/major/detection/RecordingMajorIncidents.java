package org.incidentflow.major.detection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.major.MajorIncidents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The major-incident contract for the shared test context while the major incident itself (branch s20-major-core)
 * provides none: it records declare and link calls and answers openMajorIncidentFor from them, and sets the
 * incident's parent as the real one does, so that detection sees children as children. Registered only when no real
 * {@link MajorIncidents} bean exists, so that the real one wins once it is there.
 */
public class RecordingMajorIncidents implements MajorIncidents {

	record Call(String kind, String incident, String parent, String reason, String actor) {
	}

	final List<Call> calls = new CopyOnWriteArrayList<>();
	/** service → major incident number */
	final Map<String, String> open = new ConcurrentHashMap<>();
	private final IncidentRepository incidents;

	RecordingMajorIncidents(IncidentRepository incidents) {
		this.incidents = incidents;
	}

	@Override
	public String declare(String incidentNumber, String reason, String declaredBy) {
		calls.add(new Call("declare", incidentNumber, null, reason, declaredBy));
		String service = incidents.findByNumber(incidentNumber).orElseThrow().getService();
		return open.computeIfAbsent(service, s -> incidentNumber);
	}

	@Override
	public void link(String childNumber, String parentNumber, String reason, String actor) {
		calls.add(new Call("link", childNumber, parentNumber, reason, actor));
		var child = incidents.findByNumber(childNumber).orElseThrow();
		child.setParent(incidents.findByNumber(parentNumber).orElseThrow());
	}

	@Override
	public void unlink(String childNumber, String reason, String actor) {
		calls.add(new Call("unlink", childNumber, null, reason, actor));
		incidents.findByNumber(childNumber).orElseThrow().setParent(null);
	}

	@Override
	public Optional<String> openMajorIncidentFor(String service) {
		return Optional.ofNullable(open.get(service));
	}

	List<Call> calls(String kind, String parentOrIncident) {
		return calls.stream().filter(c -> c.kind().equals(kind))
			.filter(c -> parentOrIncident.equals(c.kind().equals("link") ? c.parent() : c.incident())).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class WhenNoneIsDeployed {

		@Bean
		@ConditionalOnMissingBean(MajorIncidents.class)
		RecordingMajorIncidents recordingMajorIncidents(IncidentRepository incidents) {
			return new RecordingMajorIncidents(incidents);
		}
	}

}
