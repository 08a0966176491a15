package org.incidentflow.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A known error (ITIL: a problem that has been analysed but not yet resolved): the symptom users see, the
 * workaround that helps them now, the root cause, and the problem it belongs to. Published known errors are suggested
 * for new incidents until {@link #validTo}; retiring one (the fix is in) stops that.
 */
@Entity
@Table(name = "known_error")
public class KnownError {

	public static final int TITLE_MAX = 200;
	public static final int TEXT_MAX = 10_000;
	public static final int ERROR_CODE_MAX = 100;
	public static final int CIS_MAX = 1000;

	@Id
	private Long id;

	@Column(nullable = false, unique = true, updatable = false, length = 20)
	private String number;

	@Version
	private Long version;

	@Column(name = "problem_number", nullable = false, length = 20)
	private String problemNumber;

	@Column(nullable = false, length = TITLE_MAX)
	private String title;

	@Column(nullable = false, length = TEXT_MAX)
	private String symptom;

	@Column(length = TEXT_MAX)
	private String workaround;

	@Column(name = "root_cause", length = TEXT_MAX)
	private String rootCause;

	@Column(length = TEXT_MAX)
	private String solution;

	@Column(name = "error_code", length = ERROR_CODE_MAX)
	private String errorCode;

	@Column(length = 100)
	private String service;

	/** Comma-separated, in the spelling incidents use. */
	@Column(name = "configuration_items", length = CIS_MAX)
	private String configurationItems;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private KnownErrorState state = KnownErrorState.DRAFT;

	@Column(name = "valid_to")
	private Instant validTo;

	/** The incident whose workaround an agent proposed as this known error, if it started that way. */
	@Column(name = "source_incident", length = 20)
	private String sourceIncident;

	@Column(name = "created_by", nullable = false, updatable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "retired_at")
	private Instant retiredAt;

	protected KnownError() {
	}

	public KnownError(long sequenceValue, String problemNumber, String title, String symptom, String createdBy,
			Instant now) {
		this.id = sequenceValue;
		this.number = formatNumber(sequenceValue);
		this.problemNumber = required(problemNumber, "problemNumber");
		this.title = required(title, "title");
		this.symptom = required(symptom, "symptom");
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public static String formatNumber(long sequenceValue) {
		return String.format("KE-%06d", sequenceValue);
	}

	/** Publishing needs what makes a known error useful to the next agent: a workaround. */
	public void publish(Instant now) {
		if (state == KnownErrorState.RETIRED) {
			throw new IllegalStateException("A retired known error is not published again; record a new one");
		}
		if (workaround == null || workaround.isBlank()) {
			throw new IllegalStateException("A known error is published with its workaround");
		}
		if (state != KnownErrorState.PUBLISHED) {
			state = KnownErrorState.PUBLISHED;
			publishedAt = now;
		}
		updatedAt = now;
	}

	public void retire(String solution, Instant now) {
		if (solution != null && !solution.isBlank()) {
			this.solution = solution;
		}
		if (state != KnownErrorState.RETIRED) {
			state = KnownErrorState.RETIRED;
			retiredAt = now;
		}
		updatedAt = now;
	}

	/**
	 * The problem recurred after its fix (problem management records its known error again): the same known error is
	 * current again, with its history (created, first published) kept.
	 */
	void reopen(Instant now) {
		state = KnownErrorState.DRAFT;
		retiredAt = null;
		updatedAt = now;
	}

	/** Suggested for new incidents: published and not past its validity. */
	public boolean isSuggestable(Instant now) {
		return state == KnownErrorState.PUBLISHED && (validTo == null || validTo.isAfter(now));
	}

	public List<String> configurationItemList() {
		if (configurationItems == null || configurationItems.isBlank()) {
			return List.of();
		}
		return Arrays.stream(configurationItems.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	public void setConfigurationItemList(List<String> items) {
		if (items == null || items.isEmpty()) {
			configurationItems = null;
			return;
		}
		String joined = String.join(",", items.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList());
		if (joined.length() > CIS_MAX) {
			throw new IllegalArgumentException("configurationItems: at most " + CIS_MAX + " characters together");
		}
		configurationItems = joined.isEmpty() ? null : joined;
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		return value.trim();
	}

	public void touch(Instant now) {
		updatedAt = now;
	}

	public Long getId() { return id; }
	public String getNumber() { return number; }
	public String getProblemNumber() { return problemNumber; }
	public void setProblemNumber(String problemNumber) { this.problemNumber = required(problemNumber, "problemNumber"); }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = required(title, "title"); }
	public String getSymptom() { return symptom; }
	public void setSymptom(String symptom) { this.symptom = required(symptom, "symptom"); }
	public String getWorkaround() { return workaround; }
	public void setWorkaround(String workaround) { this.workaround = workaround; }
	public String getRootCause() { return rootCause; }
	public void setRootCause(String rootCause) { this.rootCause = rootCause; }
	public String getSolution() { return solution; }
	public String getErrorCode() { return errorCode; }
	public void setErrorCode(String errorCode) { this.errorCode = errorCode; }
	public String getService() { return service; }
	public void setService(String service) { this.service = service; }
	public KnownErrorState getState() { return state; }
	public Instant getValidTo() { return validTo; }
	public void setValidTo(Instant validTo) { this.validTo = validTo; }
	public String getSourceIncident() { return sourceIncident; }
	public void setSourceIncident(String sourceIncident) { this.sourceIncident = sourceIncident; }
	public String getCreatedBy() { return createdBy; }
	public Instant getCreatedAt() { return createdAt; }
	public Instant getUpdatedAt() { return updatedAt; }
	public Instant getPublishedAt() { return publishedAt; }
	public Instant getRetiredAt() { return retiredAt; }

	@Override
	public boolean equals(Object other) {
		return other instanceof KnownError k && Objects.equals(number, k.number);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(number);
	}
}
