package org.incidentflow.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The hourly clean-up of expired keys ({@link IdempotencyKeys#deleteExpired()}) runs on every node. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {
}
