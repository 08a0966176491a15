package org.incidentflow.problem;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The record of one problem: the underlying cause of one or more incidents. The process
 * {@code problem-management} (business key = {@link #number}) drives it; every changed field is audited into
 * {@code problem_activity} ({@link ProblemAuditTrail}). Incidents link to it by its number
 * ({@code incident.problem_number}).
 * <p>
 * The lifecycle methods guard the order of the ITIL steps, so that no caller (API, delegate) can resolve a problem
 * without a change reference or record a known error without a root cause.
 */
@Entity
@Table(name = "problem")
public class Problem {

	public static final int TITLE_MAX = 200;
	public static final int TEXT_MAX = 10_000;
	public static final int SERVICE_MAX = 100;
	public static final int CI_MAX = 200;
	public static final int GROUP_MAX = 64;
	public static final int CHANGE_MAX = 100;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "problem_seq")
	@SequenceGenerator(name = "problem_seq", sequenceName = "problem_seq", allocationSize = 1)
	private Long id;

	/** {@code PRB-000042}: from its own sequence, unique, never reused. */
	@Column(nullable = false, unique = true, updatable = false, length = 20)
	private String number;

	@Version
	private long version;

	@Column(nullable = false, length = TITLE_MAX)
	private String title;

	@Column(length = TEXT_MAX)
	private String description;

	@Column(length = SERVICE_MAX)
	private String service;

	@Column(name = "configuration_item", length = CI_MAX)
	private String configurationItem;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ProblemState state = ProblemState.NEW;

	@Column(name = "root_cause", length = TEXT_MAX)
	private String rootCause;

	@Column(length = TEXT_MAX)
	private String workaround;

	/** The support group that owns the investigation next to the problem managers. */
	@Column(name = "owner_group", nullable = false, length = GROUP_MAX)
	private String ownerGroup;

	/** The known error recorded for this problem in the knowledge package ({@code KE-000001}). */
	@Column(name = "known_error_number", length = 20)
	private String knownErrorNumber;

	/** The change that carries the permanent fix (a reference into the change process, e.g. {@code CHG-0042}). */
	@Column(name = "change_reference", length = CHANGE_MAX)
	private String changeReference;

	@Column(length = TEXT_MAX)
	private String resolution;

	@Column(name = "raised_by", nullable = false, updatable = false, length = 100)
	private String raisedBy;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false, length = 20)
	private ProblemOrigin origin;

	@Column(name = "logged_at", nullable = false, updatable = false)
	private Instant loggedAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Problem() {
	}

	public Problem(String number, String title, String ownerGroup, String raisedBy, ProblemOrigin origin, Instant loggedAt) {
		this.number = Objects.requireNonNull(number);
		this.title = Objects.requireNonNull(title);
		this.ownerGroup = Objects.requireNonNull(ownerGroup);
		this.raisedBy = Objects.requireNonNull(raisedBy);
		this.origin = Objects.requireNonNull(origin);
		this.loggedAt = loggedAt;
		this.updatedAt = loggedAt;
	}

	public static String formatNumber(long sequenceValue) {
		return String.format("PRB-%06d", sequenceValue);
	}

	// lifecycle

	public void startInvestigation() {
		requireOpen("investigate");
		state = ProblemState.INVESTIGATING;
	}

	/** Root-cause analysis done; with a workaround the problem becomes a known error, without it the fix is pending. */
	public void recordRootCause(String rootCause, String workaround) {
		requireOpen("record the root cause of");
		if (rootCause == null || rootCause.isBlank()) {
			throw new IllegalArgumentException("A root cause is required.");
		}
		this.rootCause = rootCause;
		this.workaround = workaround;
		state = workaround == null ? ProblemState.FIX_IN_PROGRESS : ProblemState.KNOWN_ERROR;
	}

	public void recordKnownError(String knownErrorNumber) {
		if (workaround == null) {
			throw new IllegalStateException("Problem " + number + " has no workaround to publish as a known error.");
		}
		this.knownErrorNumber = knownErrorNumber;
	}

	/** The fix is in through the given change. */
	public void resolve(String changeReference, String resolution, Instant at) {
		requireOpen("resolve");
		if (rootCause == null) {
			throw new IllegalStateException("Problem " + number + " cannot be resolved before its root cause is known.");
		}
		if (changeReference == null || changeReference.isBlank() || resolution == null || resolution.isBlank()) {
			throw new IllegalArgumentException("A change reference and a resolution are required.");
		}
		this.changeReference = changeReference;
		this.resolution = resolution;
		this.resolvedAt = at;
		state = ProblemState.RESOLVED;
	}

	/** The review found the fix did not hold: back to fixing, the known error (if any) stays retired until re-recorded. */
	public void reopenFix() {
		if (state != ProblemState.RESOLVED) {
			throw new IllegalStateException("Only a resolved problem can be sent back to fixing.");
		}
		resolvedAt = null;
		state = workaround == null ? ProblemState.FIX_IN_PROGRESS : ProblemState.KNOWN_ERROR;
	}

	public void close(Instant at) {
		if (state != ProblemState.RESOLVED) {
			throw new IllegalStateException("Problem " + number + " is " + state.code() + "; only a resolved problem is closed.");
		}
		closedAt = at;
		state = ProblemState.CLOSED;
	}

	private void requireOpen(String action) {
		if (!state.isOpen()) {
			throw new IllegalStateException("Cannot " + action + " problem " + number + ": it is " + state.code() + ".");
		}
	}

	// accessors

	public Long getId() { return id; }
	public String getNumber() { return number; }
	public long getVersion() { return version; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = Objects.requireNonNull(title); }
	public String getDescription() { return description; }
	public void setDescription(String description) { this.description = description; }
	public String getService() { return service; }
	public void setService(String service) { this.service = service; }
	public String getConfigurationItem() { return configurationItem; }
	public void setConfigurationItem(String configurationItem) { this.configurationItem = configurationItem; }
	public ProblemState getState() { return state; }
	public String getRootCause() { return rootCause; }
	public String getWorkaround() { return workaround; }
	public String getOwnerGroup() { return ownerGroup; }
	public void setOwnerGroup(String ownerGroup) { this.ownerGroup = Objects.requireNonNull(ownerGroup); }
	public String getKnownErrorNumber() { return knownErrorNumber; }
	public String getChangeReference() { return changeReference; }
	public String getResolution() { return resolution; }
	public String getRaisedBy() { return raisedBy; }
	public ProblemOrigin getOrigin() { return origin; }
	public Instant getLoggedAt() { return loggedAt; }
	public Instant getResolvedAt() { return resolvedAt; }
	public Instant getClosedAt() { return closedAt; }
	public String getProcessInstanceId() { return processInstanceId; }
	public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
	public Instant getUpdatedAt() { return updatedAt; }
	public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

}
