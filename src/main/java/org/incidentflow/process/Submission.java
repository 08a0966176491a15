package org.incidentflow.process;

import java.util.Arrays;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads submitted form fields and fails with a message an agent understands (field label, allowed values). */
class Submission {

	private final VariableScope variables;

	Submission(VariableScope variables) {
		this.variables = variables;
	}

	String text(String name, String label, int maxLength) {
		String value = optionalText(name, label, maxLength);
		if (value == null) {
			throw new InvalidSubmissionException(name, label + " is required.");
		}
		return value;
	}

	String optionalText(String name, String label, int maxLength) {
		Object value = variables.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new InvalidSubmissionException(name, label + " must be text.");
		}
		if (text.length() > maxLength) {
			throw new InvalidSubmissionException(name, label + " is too long (at most " + maxLength + " characters).");
		}
		return text.trim();
	}

	/** A lower-case code of one of the given enum constants ({@code high}, {@code awaiting_caller}, ...). */
	String code(String name, String label, Enum<?>[] allowed) {
		return oneOf(name, label, Arrays.stream(allowed).map(e -> e.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
	}

	String oneOf(String name, String label, String... allowed) {
		String value = text(name, label, 100);
		if (!Arrays.asList(allowed).contains(value)) {
			throw new InvalidSubmissionException(name, label + " '" + value + "' is not valid; choose one of: "
					+ String.join(", ", allowed) + ".");
		}
		return value;
	}

	boolean flag(String name, String label) {
		Object value = variables.getVariable(name);
		if (value instanceof Boolean flag) {
			return flag;
		}
		throw new InvalidSubmissionException(name, label + " must be answered (yes or no).");
	}

}
