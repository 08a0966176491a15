/**
 * Incident Flow: ITIL incident management on an embedded Camunda 7 engine. Packages by feature, in ITIL's words:
 * {@code incident} (the record and its contract with the lifecycle model), {@code process} (the model's steps),
 * {@code intake} (alerts, mail, chat), {@code sla}, {@code restricted} (restricted incidents),
 * {@code reporting}, {@code metrics}, {@code outbound} (notifications and webhooks); below them what several share
 * ({@code mail}, {@code persistence}, {@code idempotency}, {@code web}) and the platform ({@code engine},
 * {@code identity}, {@code security}, {@code cluster}, {@code ui}).
 */
package org.incidentflow;
