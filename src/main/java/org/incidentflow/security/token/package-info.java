/**
 * API tokens of integrations (Alertmanager, Grafana, later mail and chat): created, listed and revoked by
 * administrators at {@code /api/integration-tokens}, shown once, stored as a SHA-256 hash, sent as
 * {@code Authorization: Bearer …}. A token opens only the intake endpoints of its scope and acts there as a
 * technical identity in the group {@code integrations}; a wrong or revoked token is refused with 401 and locks nothing.
 */
package org.incidentflow.security.token;
