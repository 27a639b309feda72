-- Captcha challenges (one per session and purpose, consumed atomically on the first attempt)
-- and the sensitive-word list that sends comments to review.

CREATE TABLE captcha_challenges (
  session_id TEXT NOT NULL,
  purpose    TEXT NOT NULL,
  answer     TEXT NOT NULL,             -- upper case
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, purpose)
) WITHOUT ROWID;
CREATE INDEX captcha_challenges_by_expiry ON captcha_challenges (expires_at);

CREATE TABLE sensitive_words (
  id         INTEGER PRIMARY KEY,
  word       TEXT NOT NULL UNIQUE,      -- stored normalised (see services/word-filter.ts)
  created_at INTEGER NOT NULL
);

-- Per-address limits look comments up by address and time.
CREATE INDEX comments_by_ip ON comments (ip_hash, created_at);

-- A starting list (editable later in /admin); words are stored normalised.
INSERT INTO sensitive_words (word, created_at) VALUES
  ('代开发票', 0), ('刷单返利', 0), ('网络赌博', 0), ('代考包过', 0), ('办假证', 0);
