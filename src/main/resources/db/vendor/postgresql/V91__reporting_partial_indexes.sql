-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}): H2 has no partial indexes and does without.
-- Reassignments for first contact resolution: the few audit rows that moved an incident from one group to another,
-- instead of every assignmentGroup row (each incident has one from its first categorisation).
CREATE INDEX incident_activity_reassigned_idx ON incident_activity (incident_id)
    WHERE field = 'assignmentGroup' AND old_value IS NOT NULL;
