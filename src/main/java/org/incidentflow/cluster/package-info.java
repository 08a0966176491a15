/**
 * Running several nodes of the product on one PostgreSQL database: the node's name in the engine (job locks, job
 * log, metrics). What else a cluster needs is shared through the database: HTTP sessions (Spring Session JDBC,
 * Flyway V120), the engine's jobs, records and deduplication keys. The two-node test is {@code cluster/two-nodes.sh}.
 */
package org.incidentflow.cluster;
