package org.incidentflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The options a select or radio field of a task's deployed Camunda Form offers. Lists that are pure data (resolution
 * codes, for instance) live only in the form: a process owner adds an option in Camunda Modeler, redeploys the form,
 * and the server-side check accepts it, no Java change.
 */
@Component
public class FormOptions {

	private final FormService formService;
	private final ObjectMapper json;

	public FormOptions(FormService formService, ObjectMapper json) {
		this.formService = formService;
		this.json = json;
	}

	/** The option values of the field {@code key} in the form of this task, in form order; empty if there is none. */
	public List<String> of(DelegateTask task, String key) {
		try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
			List<String> values = new ArrayList<>();
			collect(json.readTree(form).path("components"), key, values);
			return values;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Form of task " + task.getTaskDefinitionKey() + " is not readable", e);
		}
	}

	// fields may sit in groups, so the search descends into nested components
	private static void collect(JsonNode components, String key, List<String> values) {
		for (JsonNode component : components) {
			if (key.equals(component.path("key").asText())) {
				component.path("values").forEach(option -> values.add(option.path("value").asText()));
			}
			collect(component.path("components"), key, values);
		}
	}

}
