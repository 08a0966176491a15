package org.incidentflow.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.type.DmnDataTypeTransformer;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.ModelException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks the BPMN and DMN resources of a new deployment before the engine's own deployers run, so that a broken model
 * is refused as a {@link ParseException}: the engine REST API answers 400 with the reason, the resource, line, column
 * and element id ({@code details.<resource>.errors[]}, what Camunda Modeler shows), and nothing is deployed (the
 * deployment's transaction rolls back). Without this check the engine refuses malformed XML and every DMN problem with
 * a bare {@code ProcessEngineException} ({@code ENGINE-09003 Could not parse}, {@code ENGINE-22004 Unable to transform
 * DMN resource}), which the REST API answers with 500 and no location.
 * <p>
 * Checked: XML well-formedness (no DOCTYPE, as the engine parses without XXE); for DMN the DMN schema, the DMN engine's
 * transformation, and every literal output entry against its output's {@code typeRef} (a rule that answers
 * {@code "high"} for an {@code integer} output would otherwise fail each evaluation at run time, in the middle of
 * an incident). Deployments read back from the database (cache misses) are not checked again.
 */
public class ModelDeploymentCheck implements Deployer {

	private static final Pattern SAX_LINE = Pattern.compile("(?s).*?Line=(\\d+):(.*)");
	private static final Pattern IMPL_START = Pattern.compile("'?Dmn\\w+?Impl\\{");
	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName();
			String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
				wellFormed(name, resource.getBytes());
			}
			else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
				wellFormed(name, resource.getBytes());
				decisions(name, resource.getBytes());
			}
		}
	}

	private static void wellFormed(String resource, byte[] bytes) {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.newSAXParser().parse(new ByteArrayInputStream(bytes), new DefaultHandler());
		}
		catch (SAXParseException invalid) {
			throw refused(resource, "The model is not well-formed XML: " + invalid.getMessage(),
					new ModelProblem(invalid.getMessage(), invalid.getLineNumber(), invalid.getColumnNumber(), null));
		}
		catch (Exception unreadable) {
			throw refused(resource, "The model cannot be read as XML: " + unreadable.getMessage(),
					new ModelProblem(String.valueOf(unreadable.getMessage()), 0, 0, null));
		}
	}

	private static void decisions(String resource, byte[] bytes) {
		String xml = new String(bytes, StandardCharsets.UTF_8);
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (ModelException invalid) {
			ModelProblem problem = schemaProblem(invalid);
			throw refused(resource, "The decision model is not valid DMN: " + problem.message(), problem);
		}
		DefaultDmnEngineConfiguration dmn = dmnConfiguration();
		try {
			dmn.getTransformer().createTransform().modelInstance(model).transformDecisionRequirementsGraph();
		}
		catch (DmnTransformException invalid) {
			List<String> ids = new ArrayList<>();
			String reason = readable(String.valueOf(invalid.getMessage()), ids);
			String id = ids.stream().filter(candidate -> model.getModelElementById(candidate) != null)
				.reduce((first, last) -> last)
				.orElseGet(() -> model.getModelElementsByType(Decision.class).size() == 1
						? model.getModelElementsByType(Decision.class).iterator().next().getId() : null);
			throw refused(resource, "The decision model cannot be used: " + reason, located(xml, reason, id));
		}
		List<Problem> problems = new ArrayList<>();
		for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
			List<Output> outputs = new ArrayList<>(table.getOutputs());
			for (Rule rule : table.getRules()) {
				List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
				for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
					String problem = typeMismatch(dmn, outputs.get(i), entries.get(i));
					if (problem != null) {
						problems.add(located(xml, "Rule '" + rule.getId() + "': " + problem,
								entries.get(i).getId() != null ? entries.get(i).getId() : rule.getId()));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new ParseException("The decision model " + resource + " has output entries that do not fit their "
					+ "output's type: " + problems.get(0).getMessage(), resource, problems, List.of());
		}
	}

	/** Null when the entry is no literal (an expression is checked when it is evaluated) or fits the type. */
	private static String typeMismatch(DefaultDmnEngineConfiguration dmn, Output output, OutputEntry entry) {
		String typeRef = output.getTypeRef();
		String language = entry.getExpressionLanguage();
		if (typeRef == null || typeRef.isBlank() || entry.getText() == null
				|| (language != null && !language.toLowerCase(Locale.ROOT).contains("feel"))) {
			return null;
		}
		String text = entry.getText().getTextContent().trim();
		Object literal;
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
				&& text.indexOf('"', 1) == text.length() - 1) {
			literal = text.substring(1, text.length() - 1);
		}
		else if (text.equals("true") || text.equals("false")) {
			literal = Boolean.valueOf(text);
		}
		else if (NUMBER.matcher(text).matches()) {
			literal = text.contains(".") || text.contains("e") || text.contains("E") ? (Object) Double.valueOf(text)
					: (Object) Long.valueOf(text);
		}
		else {
			return null;
		}
		DmnDataTypeTransformer type = dmn.getTransformer().getDataTypeTransformerRegistry().getTransformer(typeRef);
		try {
			type.transform(literal);
			return null;
		}
		catch (IllegalArgumentException doesNotFit) {
			String name = output.getName() != null ? output.getName() : output.getLabel();
			return "output '" + (name != null ? name : output.getId()) + "' has type " + typeRef + ", but the rule "
					+ "gives " + text + ".";
		}
	}

	private static DefaultDmnEngineConfiguration dmnConfiguration() {
		ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
		return engine.getDmnEngineConfiguration();
	}

	/** The schema violation and its line: the model API reports it as a SAXException "Error: URI=... Line=4: ...". */
	private static ModelProblem schemaProblem(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SAXParseException sax) {
				return new ModelProblem(sax.getMessage(), sax.getLineNumber(), sax.getColumnNumber(), null);
			}
			Matcher line = SAX_LINE.matcher(String.valueOf(cause.getMessage()));
			if (line.matches()) {
				return new ModelProblem(line.group(2).trim(), Integer.parseInt(line.group(1)), 0, null);
			}
		}
		return new ModelProblem(String.valueOf(failure.getMessage()), 0, 0, null);
	}

	/**
	 * The DMN engine's messages quote its internal objects ({@code 'DmnDecisionTableOutputImpl{id='first', ...}'});
	 * each is replaced by the element's id, where it has one, which is collected in order of appearance.
	 */
	static String readable(String message, List<String> ids) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < message.length()) {
			Matcher blob = IMPL_START.matcher(message).region(i, message.length());
			if (!blob.find()) {
				out.append(message, i, message.length());
				break;
			}
			out.append(message, i, blob.start());
			int depth = 0;
			int end = blob.end() - 1;
			String id = null;
			for (int j = blob.end() - 1; j < message.length(); j++) {
				char c = message.charAt(j);
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth--;
					if (depth == 0) {
						end = j;
						break;
					}
				}
				else if (depth == 1 && id == null && message.startsWith("id='", j)
						&& (j == 0 || !Character.isLetterOrDigit(message.charAt(j - 1)))) {
					int close = message.indexOf('\'', j + 4);
					if (close > 0) {
						id = message.substring(j + 4, close);
					}
				}
			}
			int after = end + 1 < message.length() && message.charAt(end + 1) == '\'' ? end + 2 : end + 1;
			if (id != null) {
				ids.add(id);
				out.append('\'').append(id).append('\'');
			}
			else {
				out.append("'…'");
			}
			i = after;
		}
		return out.toString();
	}

	/** A problem at the element's {@code id="..."} attribute (line and column from 1), or without location. */
	private static ModelProblem located(String xml, String message, String elementId) {
		if (elementId == null) {
			return new ModelProblem(message, 0, 0, null);
		}
		Matcher attribute = Pattern.compile("\\bid\\s*=\\s*[\"']" + Pattern.quote(elementId) + "[\"']").matcher(xml);
		if (!attribute.find()) {
			return new ModelProblem(message, 0, 0, elementId);
		}
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < attribute.start(); i++) {
			if (xml.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new ModelProblem(message, line, attribute.start() - lineStart + 1, elementId);
	}

	private static ParseException refused(String resource, String message, ModelProblem problem) {
		return new ParseException(message + " | resource " + resource + (problem.line() > 0 ? " | line "
				+ problem.line() + " | column " + problem.column() : "")
				+ (problem.mainElementId() != null ? " | element " + problem.mainElementId() : ""), resource,
				List.of(problem), List.of());
	}

	/** One problem as the engine REST API reports it ({@code details.<resource>.errors[]}). */
	record ModelProblem(String message, int line, int column, String mainElementId) implements Problem {

		@Override
		public String getMessage() {
			return message;
		}

		@Override
		public int getLine() {
			return line;
		}

		@Override
		public int getColumn() {
			return column;
		}

		@Override
		public String getMainElementId() {
			return mainElementId;
		}

		@Override
		public List<String> getElementIds() {
			return mainElementId == null ? List.of() : List.of(mainElementId);
		}

	}

}
