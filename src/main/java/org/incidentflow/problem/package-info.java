/**
 * Problem management: the problem record ({@code PRB-000001}), the underlying cause of one or more incidents, and its
 * lifecycle {@code processes/problem-management.bpmn} (log, investigate the root cause, record the known error,
 * fix through a change, resolve, close after review). Problems are raised from the closure review of an incident,
 * from Investigate (on hold awaiting a problem), through {@code /api/problems}, and proposed by the decision
 * {@code processes/problem-detection.dmn} when incidents cluster on a service or configuration item.
 * <p>
 * The known error of a problem lives in the knowledge package; this package only calls
 * {@link org.incidentflow.knowledge.KnownErrorRegister}. Incidents name their problem ({@code problemNumber}); when the
 * problem is resolved, incidents on hold awaiting it resume by message correlation.
 */
package org.incidentflow.problem;
