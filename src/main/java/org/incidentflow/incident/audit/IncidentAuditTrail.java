package org.incidentflow.incident.audit;

import org.incidentflow.audit.AuditTrail;
import org.incidentflow.incident.Incident;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Incidents are audited field by field into {@code incident_activity} ({@link org.incidentflow.audit}). */
@Configuration(proxyBeanMethods = false)
public class IncidentAuditTrail {

	@Bean
	static AuditTrail<Incident> incidentTrail() {
		return new AuditTrail<>(Incident.class, "incident", "incident_activity", "incident_id", Incident::getNumber,
				Incident::setUpdatedAt);
	}

}
