package org.incidentflow.metrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Schedules the refresh of the database gauges ({@link DatabaseGauges}) on every node. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MetricsConfiguration {
}
