-- The caller's satisfaction survey (CSAT) of a resolved or closed incident: one rating 1-5 per incident, given once
-- in the portal, from the resolution mail's link or through POST /api/incidents/{number}/satisfaction.
-- Reporting reads csat_score (reporting.ReportSources: an integer column named csat_score on incident).
ALTER TABLE incident ADD COLUMN csat_score INTEGER;
ALTER TABLE incident ADD COLUMN csat_comment VARCHAR(1000);
ALTER TABLE incident ADD COLUMN csat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD CONSTRAINT incident_csat_score_range CHECK (csat_score IS NULL OR csat_score BETWEEN 1 AND 5);
