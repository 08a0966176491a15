package org.incidentflow.problem;

import org.incidentflow.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Problems are audited field by field into {@code problem_activity}, by the same listener as incidents. */
@Configuration(proxyBeanMethods = false)
public class ProblemAuditTrail {

	@Bean
	static AuditTrail<Problem> problemTrail() {
		return new AuditTrail<>(Problem.class, "problem", "problem_activity", "problem_id", Problem::getNumber,
				Problem::setUpdatedAt);
	}

}
