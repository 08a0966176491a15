/**
 * The steps of the incident lifecycle model ({@code processes/incident-management.bpmn}): one Spring bean per service
 * task or task listener, named after what it does to the record (record the triage, apply SLA targets, put on hold,
 * escalate, close). The model decides the order; these beans write the record and its activity in the engine's
 * transaction, and refuse bad form submissions with {@link org.incidentflow.process.InvalidSubmissionException}.
 * {@link org.incidentflow.process.CiDecisionInputs} gives every decision of the model the registered CI's owner group
 * and criticality, read from the record as the decision starts.
 */
package org.incidentflow.process;
