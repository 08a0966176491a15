package org.incidentflow.major.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.incidentflow.asset.CiType;
import org.incidentflow.asset.ConfigurationItem;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.State;
import org.springframework.stereotype.Component;

/**
 * The explainable facts the decision {@code major-incident-detection} decides on, computed for one incident and a
 * window. The open cluster of a service: its reports that are new, in progress or on hold, reported within the
 * window, not security incidents (restricted: never listed where incident managers of any tenant read) and not yet
 * the child of a major incident.
 */
@Component
public class DetectionFacts {

	static final List<State> OPEN = List.of(State.NEW, State.IN_PROGRESS, State.ON_HOLD);

	private final EntityManager entityManager;
	private final TitleSimilarity similarity;
	private final MajorIncidentProposalRepository proposals;

	public DetectionFacts(EntityManager entityManager, TitleSimilarity similarity,
			MajorIncidentProposalRepository proposals) {
		this.entityManager = entityManager;
		this.similarity = similarity;
		this.proposals = proposals;
	}

	/** The facts, in the order and with the names of the decision's inputs. */
	public record Facts(String service, int windowMinutes, Integer priority, Integer ciCriticality,
			Integer serviceCriticality, int serviceOpenCount, int ciOpenCount, int categoryOpenCount, double similarity,
			Double growthSinceRejection, List<String> cluster) {

		public Map<String, Object> variables() {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("priority", priority);
			variables.put("ciCriticality", ciCriticality);
			variables.put("serviceCriticality", serviceCriticality);
			variables.put("serviceOpenCount", serviceOpenCount);
			variables.put("ciOpenCount", ciOpenCount);
			variables.put("categoryOpenCount", categoryOpenCount);
			variables.put("similarity", similarity);
			variables.put("growthSinceRejection", growthSinceRejection);
			return variables;
		}

		/** "- name = value" lines (a Markdown list in the form), what the proposal shows as the decision's inputs. */
		public String describe() {
			return "- window = " + windowMinutes + " minutes\n" + variables().entrySet().stream()
				.map(e -> "- " + e.getKey() + " = " + (e.getValue() == null ? "(none)" : e.getValue()))
				.collect(Collectors.joining("\n"));
		}
	}

	/** The cluster key of a service: one open proposal per key. */
	public static String clusterKey(String service) {
		String key = "service:" + service.trim().toLowerCase(Locale.ROOT);
		return key.length() > 320 ? key.substring(0, 320) : key;
	}

	/** The service the incident counts for: its own, else the service its configuration item supports. */
	public String serviceOf(Incident incident) {
		if (incident.getService() != null && !incident.getService().isBlank()) {
			return incident.getService();
		}
		ConfigurationItem item = configurationItem(incident);
		return item == null ? null : item.getService();
	}

	public Facts of(Incident incident, String service, int windowMinutes) {
		Instant now = org.incidentflow.incident.ActivityLog.now();
		Instant since = now.minus(Duration.ofMinutes(windowMinutes));
		List<String> cluster = cluster(service, since);
		ConfigurationItem item = configurationItem(incident);
		int ciCount = incident.getConfigurationItem() == null ? 0
				: count("configurationItem", incident.getConfigurationItem(), since);
		int categoryCount = incident.getCategory() == null ? 0 : countCategory(service, incident.getCategory(), since);
		List<String> others = new ArrayList<>(cluster);
		others.remove(incident.getNumber());
		double similar = similarity.toCluster(incident.getTitle(), others);
		Double growth = proposals.findFirstByClusterKeyAndStateOrderByIdDesc(clusterKey(service),
				MajorIncidentProposal.Status.REJECTED)
			.filter(rejected -> !rejected.getDecidedAt().isBefore(since))
			.map(rejected -> Math.round(100.0 * cluster.size() / Math.max(1, rejected.getClusterSize())) / 100.0)
			.orElse(null);
		return new Facts(service, windowMinutes, incident.getPriority(), item == null ? null : item.getCriticality(),
				serviceCriticality(service), cluster.size(), ciCount, categoryCount, similar, growth, cluster);
	}

	/** The open cluster of the service within the window, oldest first. */
	public List<String> cluster(String service, Instant since) {
		return entityManager.createQuery("select i.number from Incident i where i.service = :service"
				+ " and i.reportedAt >= :since and i.state in :open and i.type <> :security and i.parent is null"
				+ " order by i.reportedAt, i.number", String.class)
			.setParameter("service", service)
			.setParameter("since", since)
			.setParameter("open", OPEN)
			.setParameter("security", IncidentType.SECURITY)
			.setMaxResults(300)
			.getResultList();
	}

	private int count(String field, String value, Instant since) {
		return entityManager.createQuery("select count(i) from Incident i where i." + field + " = :value"
				+ " and i.reportedAt >= :since and i.state in :open and i.type <> :security and i.parent is null",
				Long.class)
			.setParameter("value", value)
			.setParameter("since", since)
			.setParameter("open", OPEN)
			.setParameter("security", IncidentType.SECURITY)
			.getSingleResult().intValue();
	}

	private int countCategory(String service, String category, Instant since) {
		return entityManager.createQuery("select count(i) from Incident i where i.service = :service"
				+ " and i.category = :category and i.reportedAt >= :since and i.state in :open"
				+ " and i.type <> :security and i.parent is null", Long.class)
			.setParameter("service", service)
			.setParameter("category", category)
			.setParameter("since", since)
			.setParameter("open", OPEN)
			.setParameter("security", IncidentType.SECURITY)
			.getSingleResult().intValue();
	}

	private ConfigurationItem configurationItem(Incident incident) {
		String id = incident.getConfigurationItem();
		return id == null || id.isBlank() ? null : entityManager.find(ConfigurationItem.class, id);
	}

	/** The criticality of the service: its most critical business-service CI (empty when the registry has none). */
	private Integer serviceCriticality(String service) {
		return entityManager.createQuery("select min(c.criticality) from ConfigurationItem c"
				+ " where c.service = :service and c.type = :type", Integer.class)
			.setParameter("service", service)
			.setParameter("type", CiType.BUSINESS_SERVICE)
			.getSingleResult();
	}

}
