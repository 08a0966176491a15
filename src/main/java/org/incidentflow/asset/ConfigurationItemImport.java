package org.incidentflow.asset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.incidentflow.persistence.TransactionRetry;
import org.incidentflow.web.EnumCodeValidator;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * CSV import of configuration items, idempotent by id: a row with a new id registers a CI, a row with a known id
 * replaces its attributes and relationships (unchanged when equal), so importing the same file twice changes nothing.
 * A bad row is refused with its reason and does not stop the others; relationships may point at CIs further down
 * the same file. The good rows are written in one transaction (retried when a concurrent import of the same ids
 * won a race), so the report is true for what was committed.
 * <p>
 * Columns (a header row is required; names in any case, {@code owner_group}, {@code ownerGroup} or
 * {@code owner-group}): {@code id}, {@code name}, {@code type}, {@code service}, {@code criticality} required;
 * {@code owner_group}, {@code location}, {@code status} (default {@code in_use}), {@code depends_on},
 * {@code runs_on} (ids separated by {@code ;} or spaces) optional.
 */
@Service
public class ConfigurationItemImport {

	public static final int MAX_ROWS = 10_000;

	static final List<String> REQUIRED = List.of("id", "name", "type", "service", "criticality");
	static final List<String> OPTIONAL = List.of("owner_group", "location", "status", "depends_on", "runs_on");

	private final ConfigurationItemRegistry registry;
	private final ConfigurationItemRepository items;
	private final TransactionRetry retry;

	public ConfigurationItemImport(ConfigurationItemRegistry registry, ConfigurationItemRepository items,
			TransactionRetry retry) {
		this.registry = registry;
		this.items = items;
		this.retry = retry;
	}

	/** What an import did: counts, and each refused row with its reason. */
	public record Report(int rows, int created, int updated, int unchanged, List<RefusedRow> refused) {
	}

	/**
	 * A refused row: its record number (the header is row 1), the id it named (null if none), the column at fault and
	 * why.
	 */
	public record RefusedRow(long row, String id, String field, String reason) {
	}

	private record Candidate(long row, String id, ConfigurationItem.Attributes attributes) {
	}

	/** Imports the CSV; a file that cannot be read as a whole (no header, unknown column) is a 400 problem. */
	public Report importCsv(Reader csv, String actor) {
		List<RefusedRow> refused = new ArrayList<>();
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		int rows = 0;
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
		try (CSVParser parser = format.parse(csv)) {
			Map<String, String> columns = columns(parser.getHeaderNames());
			for (CSVRecord record : parser) {
				rows++;
				if (rows > MAX_ROWS) {
					throw new InvalidRequestException("file", "has more than " + MAX_ROWS + " rows; split it");
				}
				long row = record.getRecordNumber() + 1;
				Map<String, String> values = new HashMap<>();
				columns.forEach((column, header) -> values.put(column, record.isSet(header) ? record.get(header) : null));
				String id = ConfigurationItem.normalizeId(values.get("id"));
				if (!record.isConsistent()) {
					refused.add(new RefusedRow(row, blankToNull(id), "file", "has " + record.size()
							+ " values, the header has " + parser.getHeaderNames().size()));
					continue;
				}
				Candidate earlier = candidates.get(id);
				if (earlier != null) {
					refused.add(new RefusedRow(row, id, "id", "appears again; the first row with it is row "
							+ earlier.row()));
					continue;
				}
				try {
					ConfigurationItem.Attributes attributes = attributes(values);
					// the same checks the entity makes, before anything is written
					new ConfigurationItem(id, attributes, actor, registry.now());
					candidates.put(id, new Candidate(row, id, attributes));
				}
				catch (ConfigurationItem.Refused e) {
					refused.add(new RefusedRow(row, blankToNull(id), e.field(), e.reason()));
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
			// commons-csv reports a broken quote or a repeated header this way
			throw new InvalidRequestException("file", "is not readable CSV: " + unreadable.getMessage());
		}
		// a row whose relationship points at a refused row is refused too, until nothing changes
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Candidate candidate : List.copyOf(candidates.values())) {
				List<FieldProblem> missing = registry.missingTargets(candidate.id(),
						candidate.attributes().relationships(), candidates.keySet());
				if (!missing.isEmpty()) {
					candidates.remove(candidate.id());
					missing.forEach(p -> refused.add(new RefusedRow(candidate.row(), candidate.id(),
							column(p.field()), p.message())));
					changed = true;
				}
			}
		}
		refused.sort(java.util.Comparator.comparingLong(RefusedRow::row));
		int[] counts = retry.inNewTransaction("configuration item import", () -> write(candidates.values(), actor));
		return new Report(rows, counts[0], counts[1], counts[2], List.copyOf(refused));
	}

	/** Created, updated, unchanged. */
	private int[] write(Iterable<Candidate> candidates, String actor) {
		int[] counts = new int[3];
		for (Candidate candidate : candidates) {
			ConfigurationItem existing = items.findById(candidate.id()).orElse(null);
			if (existing == null) {
				registry.insert(new ConfigurationItem(candidate.id(), candidate.attributes(), actor, registry.now()));
				counts[0]++;
			}
			else if (existing.apply(candidate.attributes(), actor, registry.now())) {
				counts[1]++;
			}
			else {
				counts[2]++;
			}
		}
		items.flush();
		return counts;
	}

	/** Canonical column name → the header as written; refuses unknown, repeated and missing columns. */
	private static Map<String, String> columns(List<String> headers) {
		if (headers.isEmpty()) {
			throw new InvalidRequestException("file", "must start with a header row: "
					+ String.join(",", REQUIRED) + "," + String.join(",", OPTIONAL));
		}
		Map<String, String> columns = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (String header : headers) {
			String canonical = canonical(header);
			if (!REQUIRED.contains(canonical) && !OPTIONAL.contains(canonical)) {
				problems.add(new FieldProblem("file", "unknown column '" + header + "'; known: "
						+ String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL)));
			}
			else if (columns.putIfAbsent(canonical, header) != null) {
				problems.add(new FieldProblem("file", "column '" + header + "' appears twice"));
			}
		}
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				problems.add(new FieldProblem("file", "required column '" + required + "' is missing"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return columns;
	}

	/** {@code Owner Group}, {@code ownerGroup}, {@code owner-group} → {@code owner_group}. */
	static String canonical(String header) {
		String h = header.strip().replaceFirst("^\uFEFF", "");
		h = h.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
		return h;
	}

	private static String column(String apiField) {
		return switch (apiField) {
			case "dependsOn" -> "depends_on";
			case "runsOn" -> "runs_on";
			case "ownerGroup" -> "owner_group";
			default -> apiField;
		};
	}

	private static ConfigurationItem.Attributes attributes(Map<String, String> values) {
		CiType type = code(CiType.class, "type", values.get("type"));
		String statusValue = values.get("status");
		CiStatus status = statusValue == null || statusValue.isBlank() ? CiStatus.IN_USE
				: code(CiStatus.class, "status", statusValue);
		int criticality = criticality(values.get("criticality"));
		Set<Relationship> relationships = new LinkedHashSet<>();
		relationships.addAll(relationships(RelationshipType.DEPENDS_ON, "depends_on", values.get("depends_on")));
		relationships.addAll(relationships(RelationshipType.RUNS_ON, "runs_on", values.get("runs_on")));
		return new ConfigurationItem.Attributes(values.get("name"), type, values.get("service"),
				values.get("owner_group"), criticality, values.get("location"), status, relationships);
	}

	static Set<Relationship> relationships(RelationshipType type, String field, String cell) {
		if (cell == null || cell.isBlank()) {
			return Set.of();
		}
		Set<Relationship> relationships = new LinkedHashSet<>();
		for (String target : cell.trim().split("[;\\s]+")) {
			String id = ConfigurationItem.normalizeId(target);
			if (!ConfigurationItem.ID_PATTERN.matcher(id).matches()) {
				throw new ConfigurationItem.Refused(field, "'" + target + "' is not a configuration item id");
			}
			relationships.add(new Relationship(type, id));
		}
		return relationships;
	}

	private static int criticality(String value) {
		try {
			return Integer.parseInt(value == null ? "" : value.trim());
		}
		catch (NumberFormatException e) {
			throw new ConfigurationItem.Refused("criticality", "must be 1 to 4");
		}
	}

	private static <E extends Enum<E>> E code(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			throw new ConfigurationItem.Refused(field, "must not be blank");
		}
		return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(value.trim()))
			.findFirst()
			.orElseThrow(() -> new ConfigurationItem.Refused(field, "must be one of: "
					+ EnumCodeValidator.allowed(type.getEnumConstants())));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
