/**
 * Who may do what: the product's groups ({@link org.incidentflow.identity.AccessGroups}, defined once), their Camunda
 * authorizations and Tasklist filters, the demo users of the demo profile, the administrator created when
 * {@code camunda-admin} is empty, and the guard that keeps at least one administrator. All of it runs at every start,
 * once per cluster (under the start-up row lock).
 */
package org.incidentflow.identity;
