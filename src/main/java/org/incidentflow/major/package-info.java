/**
 * Major incidents: an incident record flagged major (the parent) with its children, the roles (incident commander,
 * communications lead, technical lead), the communication cadence and the post-incident review of
 * {@code processes/major-incident.bpmn}; and ({@code major.detection}) the explainable detection that proposes or
 * promotes a major incident after every new or updated incident, decided by {@code processes/major-incident-detection.dmn}.
 * See docs/major-incidents.md.
 */
package org.incidentflow.major;
