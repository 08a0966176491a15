package org.incidentflow.incident;

import java.util.Optional;

/**
 * What the incident record needs of the configuration-item registry (implemented by package {@code asset}, which
 * depends on this package, not the reverse): the registered CI a report names, if any.
 * <p>
 * The rule, the same for every channel (API and portal, Tasklist start form, monitoring alerts by their
 * {@code instance} label, mail, chat): a reference to a registered CI is linked by its id (canonical spelling, and
 * the CI's business service fills in a service the report left empty); any other reference is kept as the free text
 * it was, and the incident's details say that it names no registered CI. Nothing is refused for it: an alert or a
 * mail about a device the CMDB does not know yet must still open its incident.
 */
public interface ConfigurationItemLinks {

	/** The registered CI the reference names, or empty (also for null or blank). */
	Optional<LinkedItem> resolve(String reference);

	/** A registered CI as an incident shows it. Codes in lower case, as the API spells them. */
	record LinkedItem(String id, String name, String type, String service, String ownerGroup, int criticality,
			String status) {
	}

}
