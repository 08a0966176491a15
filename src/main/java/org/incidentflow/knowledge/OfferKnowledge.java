package org.incidentflow.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.incidentflow.incident.IncidentProcess.Vars;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Create listener of Triage and Investigate: puts the top three suggestions for the incident on the task, so that the
 * form's "Knowledge suggestions" group shows them (title, workaround, why) and offers them in the select
 * {@code appliedKnowledge}. Task-local variables, gone with the task; it reads and changes no record (applying is
 * done by the visible service tasks Record triage and Record resolution, {@link KnowledgeFromForm}).
 */
@Component("offerKnowledge")
public class OfferKnowledge implements TaskListener {

	public static final String SUGGESTIONS = "knowledgeSuggestions";
	public static final String SUGGESTION_TEXT = "knowledgeSuggestionText";
	static final int IN_FORM = 3;
	private static final int SUMMARY_IN_FORM = 300;

	private final AppliedKnowledge knowledge;
	private final ObjectMapper json = new ObjectMapper();

	public OfferKnowledge(AppliedKnowledge knowledge) {
		this.knowledge = knowledge;
	}

	@Override
	public void notify(DelegateTask task) {
		List<KnowledgeSearch.Hit> hits = knowledge.suggestionsFor((String) task.getVariable(Vars.TITLE),
				(String) task.getVariable(Vars.DESCRIPTION), (String) task.getVariable(Vars.SERVICE),
				(String) task.getVariable(Vars.CONFIGURATION_ITEM), KnowledgeSearch.Audience.INTERNAL, IN_FORM);
		List<Map<String, String>> options = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		if (hits.isEmpty()) {
			text.append("No published known error or article matches this incident yet.");
		}
		for (KnowledgeSearch.Hit hit : hits) {
			String kind = hit.kind() == KnowledgeSearch.Kind.KNOWN_ERROR ? "Known error" : "Article";
			Map<String, String> option = new LinkedHashMap<>();
			option.put("label", hit.id() + ": " + hit.title());
			option.put("value", hit.id());
			options.add(option);
			text.append("**").append(kind).append(' ').append(hit.id()).append(": ").append(plain(hit.title()))
				.append("**  \n")
				.append(hit.kind() == KnowledgeSearch.Kind.KNOWN_ERROR ? "Workaround: " : "")
				.append(plain(shorten(hit.summary()))).append("  \n_").append(plain(hit.reason())).append("_\n\n");
		}
		try {
			task.setVariableLocal(SUGGESTIONS, Variables.serializedObjectValue(json.writeValueAsString(options))
				.serializationDataFormat(Variables.SerializationDataFormats.JSON)
				.objectTypeName("java.util.ArrayList")
				.create());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		task.setVariableLocal(SUGGESTION_TEXT, text.toString().trim());
	}

	private static String shorten(String text) {
		if (text == null) {
			return "";
		}
		return text.length() <= SUMMARY_IN_FORM ? text : text.substring(0, SUMMARY_IN_FORM - 1) + "…";
	}

	/** Records are written by agents: no Markdown or template syntax of theirs may shape the form. */
	private static String plain(String text) {
		return text == null ? "" : text.replaceAll("[*_`#\\[\\]{}<>|\\\\]", " ").replaceAll("\\s+", " ").trim();
	}
}
