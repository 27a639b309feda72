-- Floors and replies, and deletion that leaves its floor behind (see migrations/sqlite/0018).
ALTER TABLE comments DROP CONSTRAINT comments_status_check;
ALTER TABLE comments ADD CONSTRAINT comments_status_check
  CHECK (status IN ('pending', 'approved', 'rejected', 'spam', 'deleted'));
ALTER TABLE comments ADD COLUMN parent_id BIGINT REFERENCES comments (id) ON DELETE CASCADE;
ALTER TABLE comments ADD COLUMN floor INTEGER;
ALTER TABLE comments ADD CONSTRAINT comments_reply_has_no_floor CHECK (parent_id IS NULL OR floor IS NULL);

UPDATE comments SET floor = numbered.n
  FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY created_at, id) AS n
        FROM comments WHERE status = 'approved') AS numbered
  WHERE comments.id = numbered.id;

-- A floor number is given once per article; the page reads floors in order through it.
CREATE UNIQUE INDEX comments_floor_once ON comments (article_id, floor) WHERE floor IS NOT NULL;
CREATE INDEX comments_replies ON comments (parent_id, status, created_at, id) WHERE parent_id IS NOT NULL;

-- The change feed (migration 0002): also when a removed floor's notice changes.
CREATE OR REPLACE FUNCTION comment_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF old.status = 'approved' OR old.floor IS NOT NULL THEN PERFORM record_content_change('article:' || old.article_id); END IF;
  ELSIF TG_OP = 'INSERT' THEN
    IF new.status = 'approved' THEN PERFORM record_content_change('article:' || new.article_id); END IF;
  ELSIF old.status = 'approved' OR new.status = 'approved' OR new.floor IS NOT NULL THEN
    PERFORM record_content_change('article:' || new.article_id);
  END IF;
  RETURN NULL;
END;
$$;
