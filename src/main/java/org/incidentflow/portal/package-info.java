/**
 * The self-service portal for requesters ({@code /portal}): search the knowledge they may read, report an incident in
 * their own words, follow their incidents on a public timeline, comment, confirm or reject a resolution, cancel, and
 * rate a resolved incident (satisfaction survey). Server-rendered Thymeleaf pages with htmx for results-as-you-type,
 * on the shared look and login of {@link org.incidentflow.ui} (form login, session, CSRF).
 * <p>
 * Every change goes through the same services as the API ({@code incident.api.IncidentActions},
 * {@code SatisfactionSurvey}), so the process and its checks are the same whichever door the requester uses. The
 * portal shows a user only the incidents whose caller they are, and only their public side (public comments, the
 * public lifecycle), whatever the user's groups: an incident of someone else answers exactly like a missing one.
 */
package org.incidentflow.portal;
