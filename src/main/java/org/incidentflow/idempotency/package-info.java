/**
 * Idempotent API requests: an {@code Idempotency-Key} header makes a retried {@code POST} (a client that lost the
 * answer to a timeout or a crash) return the first answer instead of acting twice. Keys live in the database, in the
 * transaction of the change they answer, so every node recognises them.
 */
package org.incidentflow.idempotency;
