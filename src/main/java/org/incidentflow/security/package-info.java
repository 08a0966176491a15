/**
 * Authentication and the guards in front of every door: HTTP Basic and integration tokens on {@code /api} and
 * {@code /engine-rest}, the webapps' session login, the product's form login, login throttling, the engine acting as
 * the signed-in user, and the fixes for the two unpatched Camunda CVEs (admin setup, expressions in task queries).
 */
package org.incidentflow.security;
