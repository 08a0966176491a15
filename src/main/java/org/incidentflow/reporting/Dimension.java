package org.incidentflow.reporting;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a report can be broken down by. Each incident counts under its current value (as in ServiceNow's reports): an
 * incident escalated from service-desk to network-ops counts for network-ops.
 */
public enum Dimension {

	PRIORITY("priority", "Priority", facts -> facts.priority() == null ? null : facts.priority().toString()),
	SERVICE("service", "Service", IncidentFacts::service),
	CONFIGURATION_ITEM("configurationItem", "Configuration item", IncidentFacts::configurationItem),
	CATEGORY("category", "Category", IncidentFacts::category),
	ASSIGNMENT_GROUP("assignmentGroup", "Assignment group", IncidentFacts::assignmentGroup),
	CHANNEL("channel", "Channel", IncidentFacts::channel);

	private final String code;
	private final String label;
	private final Function<IncidentFacts, String> value;

	Dimension(String code, String label, Function<IncidentFacts, String> value) {
		this.code = code;
		this.label = label;
		this.value = value;
	}

	/** As the API spells it ({@code groupBy=assignmentGroup}). */
	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The incident's value, {@code null} when not set. */
	public String valueOf(IncidentFacts facts) {
		return value.apply(facts);
	}

	/** How a value is shown: P1 for priority 1, "(not set)" for none. */
	public String display(String key) {
		if (key == null) {
			return "(not set)";
		}
		return this == PRIORITY ? "P" + key : key;
	}

	public static Optional<Dimension> fromCode(String code) {
		return Arrays.stream(values())
			.filter(d -> d.code.equalsIgnoreCase(code.trim()) || d.name().equalsIgnoreCase(code.trim()))
			.findFirst();
	}

	public static String codes() {
		return String.join(", ", Arrays.stream(values()).map(Dimension::code).toList());
	}

}
