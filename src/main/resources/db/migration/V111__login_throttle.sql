-- Failed logins, counted per client address and per user at that address (security.throttle.LoginThrottle). Every
-- node reads and writes the same rows, so a client that spreads its guesses over several nodes is throttled alike.
-- Rows are short-lived: a key without a failure for the reset period (15 minutes) is forgotten and deleted.
CREATE TABLE login_throttle (
    -- "address:<client address>" or "user:<user id>@<client address>" (IPv6 addresses by their /64 prefix)
    throttle_key    VARCHAR(400)  NOT NULL PRIMARY KEY,
    failures        INTEGER       NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- no login is tried for this key before then (answered 429 with Retry-After); null: not blocked
    blocked_until   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);
