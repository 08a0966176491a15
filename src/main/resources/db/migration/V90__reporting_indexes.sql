-- Reports (docs/reports.md) select the incidents of a period by the moment something happened to them: reported,
-- first responded to, resolved, closed, or canceled (an activity entry). Without these indexes every report reads the
-- whole incident table. Portable between PostgreSQL and H2.
CREATE INDEX incident_reported_at_idx ON incident (reported_at);
CREATE INDEX incident_first_response_at_idx ON incident (first_response_at);
CREATE INDEX incident_resolved_at_idx ON incident (resolved_at);
CREATE INDEX incident_closed_at_idx ON incident (closed_at);
-- lifecycle events in a period (CANCELED, KNOWLEDGE_APPLIED, ...)
CREATE INDEX incident_activity_event_at_idx ON incident_activity (event, at);
-- field changes of one kind (assignmentGroup: reassignments, for first contact resolution)
CREATE INDEX incident_activity_field_idx ON incident_activity (field, incident_id);
