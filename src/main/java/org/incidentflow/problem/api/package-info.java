/**
 * The problem API ({@code /api/problems}): raise, find and read problems, link and unlink incidents. Agents read and
 * raise problems; problem managers (and administrators) manage the links. Bad input is an RFC 9457 problem naming the
 * field, like the incident API.
 */
package org.incidentflow.problem.api;
