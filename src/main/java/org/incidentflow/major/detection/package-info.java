/**
 * Detection of major incidents: after every new or triaged incident, {@link org.incidentflow.major.detection.DetectionFacts}
 * computes explainable facts (open reports of the same service, CI and category within the window, title similarity to
 * the open cluster, priority, CI criticality, growth since the last rejection), the decision
 * {@code processes/major-incident-detection.dmn} says none, propose or promote, and
 * {@code processes/major-incident-proposal.bpmn} joins, promotes or proposes through the {@link org.incidentflow.major.MajorIncidents}
 * contract. One proposal per cluster is guaranteed by the unique key of {@code major_incident_proposal}. See
 * docs/major-incident-detection.md.
 */
package org.incidentflow.major.detection;
