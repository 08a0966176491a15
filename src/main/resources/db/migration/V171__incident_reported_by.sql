-- Who reported an incident when it is not the caller (a colleague through the portal, an agent on the phone).
-- Nullable: incidents logged before this column have no reporter on record, and the record never guesses one.
ALTER TABLE incident ADD COLUMN reported_by VARCHAR(100);
-- the portal's "My incidents" and the API's list for requesters: caller = me OR reported_by = me
CREATE INDEX incident_reported_by_idx ON incident (reported_by);
