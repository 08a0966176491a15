package org.incidentflow.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.Viewer;
import org.incidentflow.knowledge.KnowledgeSearch.Hit;
import org.incidentflow.knowledge.KnowledgeSearch.Kind;
import org.incidentflow.reporting.ReportSources;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knowledge at the incident: the suggestions for one incident (its title and description as the query, its service
 * and configuration item as boosts; known errors of the same service or configuration item first), and recording
 * which known error or article an agent applied ({@code appliedKnowledge} on the incident, activity
 * {@code KNOWLEDGE_APPLIED}, which the reports count as knowledge use).
 */
@Service
public class AppliedKnowledge {

	public static final int DEFAULT_SUGGESTIONS = 5;

	/** What was applied, for the answer and the task forms. */
	public record Applied(String incident, Kind kind, String id, String title, String workaround, boolean changed) {
	}

	private final IncidentRepository incidents;
	private final RankedKnowledgeSearch search;
	private final KnownErrorRepository knownErrors;
	private final KnowledgeArticleRepository articles;
	private final ActivityLog activity;

	public AppliedKnowledge(IncidentRepository incidents, RankedKnowledgeSearch search,
			KnownErrorRepository knownErrors, KnowledgeArticleRepository articles, ActivityLog activity) {
		this.incidents = incidents;
		this.search = search;
		this.knownErrors = knownErrors;
		this.articles = articles;
		this.activity = activity;
	}

	@Transactional(readOnly = true)
	public List<Hit> suggestions(String number, int limit, Viewer viewer) {
		Incident incident = visible(number, viewer);
		KnowledgeSearch.Audience audience = IncidentAccess.isAgent(viewer) ? KnowledgeSearch.Audience.INTERNAL
				: KnowledgeSearch.Audience.REQUESTER;
		return suggestionsFor(incident.getTitle(), incident.getDescription(), incident.getService(),
				incident.getConfigurationItem(), audience, limit);
	}

	/** The ranking of the suggestion endpoint and of the task forms, for an incident's facts. */
	@Transactional(readOnly = true)
	public List<Hit> suggestionsFor(String title, String description, String service, String configurationItem,
			KnowledgeSearch.Audience audience, int limit) {
		String text = (title == null ? "" : title) + " " + (description == null ? "" : description);
		List<Hit> hits = search.search(text, service, configurationItem, null, audience,
				Math.max(limit, DEFAULT_SUGGESTIONS) * 2);
		List<Hit> first = new ArrayList<>();
		List<Hit> rest = new ArrayList<>();
		for (Hit hit : hits) {
			boolean sameContext = hit.reason().startsWith("same ");
			(hit.kind() == Kind.KNOWN_ERROR && sameContext ? first : rest).add(hit);
		}
		first.addAll(rest);
		return first.size() > limit ? List.copyOf(first.subList(0, limit)) : List.copyOf(first);
	}

	/**
	 * Records that the agent applied this known error or article. Applying the one already recorded changes nothing
	 * (a retried request or a resubmitted form counts once); applying another replaces it, with its own entry.
	 */
	@Transactional
	public Applied apply(String number, String knowledgeId, Viewer viewer) {
		if (!IncidentAccess.isAgent(viewer)) {
			throw Problems.forbidden("Agents apply knowledge to incidents");
		}
		Incident incident = visible(number, viewer);
		return apply(incident, knowledgeId);
	}

	/** The same for the process (task form field), acting as the task's user; the incident is already loaded. */
	@Transactional
	public Applied apply(Incident incident, String knowledgeId) {
		if (knowledgeId == null || knowledgeId.isBlank()) {
			throw new InvalidRequestException("id", "must not be blank");
		}
		if (!incident.isOpen()) {
			throw Problems.conflict("Incident closed", incident.getNumber() + " is no longer open");
		}
		String id = knowledgeId.trim().toUpperCase(Locale.ROOT);
		Applied applied;
		if (id.startsWith("KE-")) {
			KnownError knownError = knownErrors.findByNumber(id)
				.filter(k -> k.getState() == KnownErrorState.PUBLISHED)
				.orElseThrow(() -> new InvalidRequestException("id", "no published known error " + id));
			applied = new Applied(incident.getNumber(), Kind.KNOWN_ERROR, id, knownError.getTitle(),
					knownError.getWorkaround(), false);
		}
		else if (id.startsWith("KB-")) {
			KnowledgeArticle article = articles.findByNumber(id)
				.filter(KnowledgeArticle::isPublished)
				.orElseThrow(() -> new InvalidRequestException("id", "no published article " + id));
			applied = new Applied(incident.getNumber(), Kind.ARTICLE, id, article.getTitle(), null, false);
		}
		else {
			throw new InvalidRequestException("id", "a known error (KE-000001) or an article (KB-000001)");
		}
		if (id.equals(incident.getAppliedKnowledge())) {
			return applied;
		}
		String previous = incident.getAppliedKnowledge();
		incident.setAppliedKnowledge(id);
		incident.setUpdatedAt(ActivityLog.now());
		activity.fieldChanged(incident, "appliedKnowledge", previous, id);
		activity.event(incident, ReportSources.KNOWLEDGE_APPLIED, id + ": " + applied.title());
		return new Applied(applied.incident(), applied.kind(), applied.id(), applied.title(), applied.workaround(),
				true);
	}

	private Incident visible(String number, Viewer viewer) {
		return incidents.findByNumber(number == null ? "" : number.trim().toUpperCase(Locale.ROOT))
			.filter(i -> IncidentAccess.maySee(viewer, i))
			.orElseThrow(() -> Problems.notFound("No such incident", "No incident " + number));
	}
}
