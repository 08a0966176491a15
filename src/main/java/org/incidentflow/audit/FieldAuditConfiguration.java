package org.incidentflow.audit;

import java.util.List;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.incidentflow.incident.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link FieldAuditListener} with Hibernate when the entity manager factory is built, so that no
 * session can change an audited record (every {@link AuditTrail} bean) without being audited.
 */
@Configuration(proxyBeanMethods = false)
public class FieldAuditConfiguration {

	@Bean
	HibernatePropertiesCustomizer fieldAudit(List<AuditTrail<?>> trails, ObjectProvider<CurrentActor> currentActor) {
		// CurrentActor needs the process engine, which needs the entity manager factory: resolve it only when used
		FieldAuditListener listener = new FieldAuditListener(trails, () -> currentActor.getObject().userId());
		Integrator integrator = new Integrator() {
			@Override
			public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
					SessionFactoryImplementor sessionFactory) {
				EventListenerRegistry registry = sessionFactory.getServiceRegistry()
					.getService(EventListenerRegistry.class);
				registry.appendListeners(EventType.PRE_UPDATE, listener);
				registry.appendListeners(EventType.POST_UPDATE, listener);
			}

			@Override
			public void disintegrate(SessionFactoryImplementor sessionFactory,
					SessionFactoryServiceRegistry serviceRegistry) {
			}
		};
		return properties -> properties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(integrator));
	}

}
