package org.incidentflow.security.throttle;

import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.incidentflow.identity.LastAdministratorGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Switches off the engine's own failed-login lock. Camunda locks a <em>user</em> after a failed password (seconds,
 * growing, and permanently after {@code loginMaxAttempts}) whoever sent it: one anonymous request made Alertmanager's
 * deliveries fail, ten locked any account until an administrator unlocked it. Logins are throttled per client
 * address and user by {@link LoginThrottle} instead, on every door that checks a password.
 * <p>
 * The engine's {@code login-delay-base: 0} alone is not enough: it still writes a lock expiry of "now" on each
 * failure, which another node with a slower clock (or a test that moved the engine clock) reads as a lock. So the
 * database identity provider here neither counts failures nor honours a lock an older version wrote. It is swapped in
 * after every plugin's {@code preInit}, keeping the product's {@link LastAdministratorGuard}; another identity
 * provider (LDAP) is left alone.
 */
@Component
public class EngineLoginLockOff extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(EngineLoginLockOff.class);

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
		SessionFactory current = factories.get(ReadOnlyIdentityProvider.class);
		Class<?> type = current == null ? null : current.getSessionType();
		SessionFactory unlocked;
		if (type == LastAdministratorGuard.class) {
			unlocked = new GenericManagerFactory(UnlockedGuardedProvider.class);
		}
		else if (type == DbIdentityServiceProvider.class) {
			unlocked = new GenericManagerFactory(UnlockedProvider.class);
		}
		else {
			log.warn("Identity provider {} keeps its own failed-login handling", type);
			return;
		}
		factories.put(ReadOnlyIdentityProvider.class, unlocked);
		factories.put(WritableIdentityProvider.class, unlocked);
		configuration.setIdentityProviderSessionFactory(unlocked);
	}

	/** The product's identity provider (last administrator guard), without the account lock. */
	public static class UnlockedGuardedProvider extends LastAdministratorGuard {

		@Override
		protected boolean isUserLocked(UserEntity user) {
			return false;
		}

		@Override
		protected void lockUser(UserEntity user) {
			// failures are counted by LoginThrottle, per client address
		}

	}

	/** The engine's database identity provider, without the account lock. */
	public static class UnlockedProvider extends DbIdentityServiceProvider {

		@Override
		protected boolean isUserLocked(UserEntity user) {
			return false;
		}

		@Override
		protected void lockUser(UserEntity user) {
			// failures are counted by LoginThrottle, per client address
		}

	}

}
