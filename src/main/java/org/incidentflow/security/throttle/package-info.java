/**
 * Login throttling: failed sign-ins (HTTP Basic on {@code /api} and {@code /engine-rest}, the form login of the
 * product's pages, the login of Tasklist, Cockpit and Admin) are counted per client address and per user at that
 * address in the database, and answered with a short, capped delay ({@code 429} with {@code Retry-After}) instead of
 * the engine's account lock. A user is never locked for others: failures at one address do not slow the same user
 * down at another, and no delay is longer than the cap (five minutes by default). The policy is in the README
 * ("Security", "Failed logins").
 */
package org.incidentflow.security.throttle;
