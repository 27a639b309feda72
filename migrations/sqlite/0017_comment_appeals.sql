-- 申诉: a commenter appeals the removal (hiding) of their comment with the appeal code given
-- when they posted it (stored as its SHA-256 only). An editor restores the comment or upholds
-- the decision; the commenter looks up the outcome with the same code.
ALTER TABLE comments ADD COLUMN appeal_hash TEXT;
CREATE UNIQUE INDEX comments_by_appeal ON comments (appeal_hash) WHERE appeal_hash IS NOT NULL;
CREATE TABLE comment_appeals (
  id          INTEGER PRIMARY KEY,
  comment_id  INTEGER REFERENCES comments(id) ON DELETE SET NULL,
  appeal_hash TEXT NOT NULL,
  reason      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  decision    TEXT CHECK (decision IN ('restore', 'uphold')),
  decided_at  INTEGER
);
CREATE INDEX comment_appeals_by_hash ON comment_appeals (appeal_hash, created_at);
CREATE INDEX comment_appeals_open ON comment_appeals (created_at) WHERE decision IS NULL;
