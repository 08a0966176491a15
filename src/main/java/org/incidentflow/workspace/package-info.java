/**
 * The agent's workspace in Tasklist: the whole incident, read from the record, in front of whoever works one of its
 * tasks (description, caller and channel, service and CI with the registry's facts about it and its incidents of the last
 * 30 days, priority and its reason, SLA targets and time left, the
 * escalation chain with its handover notes, the latest activity and comments, linked records), and the comments and
 * work notes written from a task, which land on the record.
 * <p>
 * {@link org.incidentflow.workspace.IncidentBrief} writes the summary (Markdown, rendered by the text view of every
 * Camunda Form); {@link org.incidentflow.workspace.TaskFormSummary} adds it, freshly read, to the form variables
 * Tasklist loads, so the summary is never a stale copy kept in the process; {@link
 * org.incidentflow.workspace.RecordTaskComment} (the model's "Record comment" service tasks) moves the comment field of a
 * submitted form to the record.
 */
package org.incidentflow.workspace;
