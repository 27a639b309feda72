-- Where an article shows (issue 13):
--  - home_pin: editors choose what leads the home page. 0: not pinned; 1: 置顶 (at the top of
--    the home page's list); 2: 头条 (the headline). pinned_until ends the pin (NULL: until an
--    editor removes it). Without any pin the newest article with a cover leads, as before.
--  - hide_cover: the article page leaves the cover out (lists and shares still use it).
ALTER TABLE articles ADD COLUMN home_pin INTEGER NOT NULL DEFAULT 0 CHECK (home_pin IN (0, 1, 2));
ALTER TABLE articles ADD COLUMN pinned_until INTEGER;
ALTER TABLE articles ADD COLUMN hide_cover INTEGER NOT NULL DEFAULT 0;

-- The pinned articles the home page reads, without walking every visible article.
CREATE INDEX articles_pinned ON articles (home_pin DESC, published_at DESC, id DESC)
  WHERE home_pin > 0 AND status <> 'draft' AND deleted_at IS NULL;

-- The change feed (migration 0007) must see the new columns change too: setting or clearing a
-- pin changes the home page on the next request in every process.
DROP TRIGGER articles_changed_update;
CREATE TRIGGER articles_changed_update AFTER UPDATE OF
  category_id, title, author, source, summary, body_html, cover_image, is_featured, status, published_at, deleted_at, version,
  home_pin, pinned_until, hide_cover
  ON articles BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
