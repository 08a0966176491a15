package org.incidentflow.restricted;

import java.util.List;

import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.IncidentType;

/**
 * The restricted-incident rule as the engine sees it: an incident of type {@code security} belongs to the tenant
 * {@link #TENANT_ID}; every other incident belongs to no tenant. The same rule as {@code IncidentAccess} applies to
 * the record.
 */
public final class RestrictedIncidents {

	/** The Camunda tenant of restricted incidents' process instances (and their tasks, variables and history). */
	public static final String TENANT_ID = "restricted";

	public static final String TENANT_NAME = "Restricted incidents (security)";

	/**
	 * Groups that are members of the tenant. {@code camunda-admin} is not listed: the engine exempts administrators
	 * from tenant checks.
	 */
	public static final List<String> TENANT_GROUPS = List.of(IncidentAccess.SECURITY_OPS,
			IncidentAccess.INCIDENT_MANAGERS);

	private RestrictedIncidents() {
	}

	public static boolean isRestricted(String incidentTypeCode) {
		return incidentTypeCode != null && IncidentType.SECURITY.code().equals(incidentTypeCode.trim());
	}

	/** The tenant an incident of this type belongs to; {@code null} for none. */
	public static String tenantFor(String incidentTypeCode) {
		return isRestricted(incidentTypeCode) ? TENANT_ID : null;
	}

}
