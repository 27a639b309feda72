-- Request-rate limits (log-ins, captchas, 人员查询) counted for the whole site, so that several
-- processes on one database (WORKERS) share each address's count. One row per limiter and
-- address ('login:<address>' ...): the hits of the current window and when it ends. Shown on
-- no page, so no change-feed trigger.
CREATE TABLE rate_limit_hits (
  key      TEXT PRIMARY KEY,
  hits     INTEGER NOT NULL,
  reset_at INTEGER NOT NULL             -- the window ends (ms since the epoch)
) WITHOUT ROWID;
CREATE INDEX rate_limit_hits_by_reset ON rate_limit_hits (reset_at);
