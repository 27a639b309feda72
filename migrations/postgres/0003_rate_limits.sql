-- Request-rate limits (see migrations/sqlite/0013): one row per limiter and address, the hits
-- of the current window and when it ends, shared by every app process. Shown on no page, so no
-- change-feed trigger.
CREATE TABLE rate_limit_hits (
  key      TEXT PRIMARY KEY,
  hits     INTEGER NOT NULL,
  reset_at BIGINT NOT NULL
);
CREATE INDEX rate_limit_hits_by_reset ON rate_limit_hits (reset_at);
