-- migrate: foreign_keys off
-- Floors and replies (issue 16), and deletion that leaves its floor behind.
--  - floor: 1楼, 2楼 ... numbered per article when a top-level comment is first approved; it
--    never changes, and the number is never given again (UNIQUE per article).
--  - parent_id: a reply (one level: the parent is a top-level comment of the same article).
--  - status 'deleted': 删除 keeps the row, so its floor shows 该评论已删除 and the commenter can
--    still appeal (申诉); the text is never shown again unless the appeal restores it.
-- SQLite cannot widen a CHECK constraint in place: the table is rebuilt (the documented
-- procedure, with foreign keys off so the reports and appeals keep their comment ids). Existing
-- approved comments get their floors in the order they were posted.
CREATE TABLE comments_new (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES comments (id) ON DELETE CASCADE,
  floor       INTEGER,
  nickname    TEXT NOT NULL,
  body        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'spam', 'deleted')),
  ip_hash     TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  network     TEXT,
  ip_region   TEXT,
  appeal_hash TEXT,
  CHECK (parent_id IS NULL OR floor IS NULL)
);
INSERT INTO comments_new (id, article_id, parent_id, floor, nickname, body, status, ip_hash, created_at, network, ip_region, appeal_hash)
  SELECT id, article_id, NULL,
         CASE WHEN status = 'approved' THEN ROW_NUMBER() OVER (PARTITION BY article_id, status = 'approved' ORDER BY created_at, id) END,
         nickname, body, status, ip_hash, created_at, network, ip_region, appeal_hash
  FROM comments;
DROP TABLE comments;
ALTER TABLE comments_new RENAME TO comments;

CREATE INDEX comments_by_ip ON comments (ip_hash, created_at);
CREATE INDEX comments_by_status ON comments (status, created_at DESC, id DESC);
CREATE UNIQUE INDEX comments_by_appeal ON comments (appeal_hash) WHERE appeal_hash IS NOT NULL;
-- A floor number is given once per article.
CREATE UNIQUE INDEX comments_floor_once ON comments (article_id, floor) WHERE floor IS NOT NULL;
-- The article page reads its floors (approved or removed) from this index alone, newest or
-- oldest first (as migration 0009 did for the approved comments).
CREATE INDEX comments_by_floor ON comments (article_id, floor, id, status, created_at, nickname, body, ip_region)
  WHERE floor IS NOT NULL;
-- The replies under a floor, in the order they were posted.
CREATE INDEX comments_replies ON comments (parent_id, status, created_at, id) WHERE parent_id IS NOT NULL;
-- How many approved comments (floors and replies) an article has; and the duplicate check.
CREATE INDEX comments_for_count ON comments (article_id, status);

-- The change feed (migration 0007): a page changes when a comment becomes or stops being
-- approved, and when a removed floor's notice changes.
CREATE TRIGGER comments_changed_insert AFTER INSERT ON comments WHEN new.status = 'approved' BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || new.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER comments_changed_update AFTER UPDATE ON comments
  WHEN old.status = 'approved' OR new.status = 'approved' OR new.floor IS NOT NULL BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || new.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER comments_changed_delete AFTER DELETE ON comments WHEN old.status = 'approved' OR old.floor IS NOT NULL BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || old.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
