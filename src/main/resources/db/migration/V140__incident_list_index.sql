-- The incident list's most common page: one or more states, newest first (IncidentSearch's default sort
-- reportedAt desc, id desc as the tie-breaker). Measured on 100k incidents (issue 14): 5.5 ms -> 0.075 ms for the
-- first page of state=new, without a sort step over every incident of that state.
CREATE INDEX incident_state_reported_idx ON incident (state, reported_at DESC, id DESC);
