package org.incidentflow.major;

import java.util.Optional;

/**
 * What the rest of the product may ask of the major-incident feature: the contract between detection (which proposes
 * or promotes) and the major incident itself (parent, children, process). Defined before either side so that both are
 * built against it.
 */
public interface MajorIncidents {

	/**
	 * Flags the incident major and starts {@code major-incident} for it. Idempotent: declaring an incident that is
	 * already major changes nothing and returns its number.
	 *
	 * @param reason why (the rule that fired, or the incident manager's words), kept on the incident's activity
	 * @return the number of the major incident (the parent)
	 */
	String declare(String incidentNumber, String reason, String declaredBy);

	/**
	 * Links an incident under a parent: no cycles, no parent that is itself a child, no closed parent. The child keeps
	 * its own SLA accounting. Linking a child to the parent it already has changes nothing.
	 */
	void link(String childNumber, String parentNumber, String reason, String actor);

	/** Unlinks a child from its parent; the reason is required and kept on both records' activity. */
	void unlink(String childNumber, String reason, String actor);

	/** The open (not resolved) major incident of a service, the one later reports of that service join. */
	Optional<String> openMajorIncidentFor(String service);
}
