/**
 * Transaction helpers shared by features that race with other nodes: work in a fresh transaction, run again when a
 * unique constraint, a lock or an optimistic version check says another node won.
 */
package org.incidentflow.persistence;
