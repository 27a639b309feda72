-- Who may comment where (issue 16): each category has a default, each article follows it or
-- overrides it.
--  - open: the comment form, and the approved comments shown;
--  - closed: a notice instead of the form; the approved comments stay shown;
--  - hidden: a notice instead of the form, and no comments shown (they are kept).
-- An article's 'category' follows its category. Article updates already reach the change feed
-- (every update bumps version), category updates too (migration 0007).
ALTER TABLE articles ADD COLUMN comment_policy TEXT NOT NULL DEFAULT 'category'
  CHECK (comment_policy IN ('category', 'open', 'closed', 'hidden'));
ALTER TABLE categories ADD COLUMN comment_policy TEXT NOT NULL DEFAULT 'open'
  CHECK (comment_policy IN ('open', 'closed', 'hidden'));

-- IP属地: the province (or, outside mainland China, the country or region) of the commenter's
-- address, looked up from an offline database when the comment is posted. Never the address.
-- NULL: a private or loopback address, a failed lookup, or a comment stored before this.
ALTER TABLE comments ADD COLUMN ip_region TEXT;
-- The article page reads its comments from this index alone (migration 0009): it now carries
-- the region too.
DROP INDEX comments_for_page;
CREATE INDEX comments_for_page ON comments (article_id, status, created_at, id, nickname, body, ip_region);

-- 举报: readers' reports of comments. One per reporting address (hashed, as comments keep it)
-- per comment; the receipt code given to the reporter is kept as its SHA-256 only. A decision
-- (keep, hide, delete) closes every open report of the comment. comment_id becomes NULL when
-- the comment is deleted: the reporter can still look up the outcome.
CREATE TABLE comment_reports (
  id            INTEGER PRIMARY KEY,
  comment_id    INTEGER REFERENCES comments(id) ON DELETE SET NULL,
  reporter_hash TEXT NOT NULL,
  reason        TEXT NOT NULL,
  detail        TEXT NOT NULL DEFAULT '',
  receipt_hash  TEXT NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  decision      TEXT CHECK (decision IN ('keep', 'hide', 'delete')),
  decided_at    INTEGER
);
CREATE UNIQUE INDEX comment_reports_one_per_reporter ON comment_reports (comment_id, reporter_hash);
CREATE INDEX comment_reports_open ON comment_reports (comment_id, created_at) WHERE decision IS NULL;
