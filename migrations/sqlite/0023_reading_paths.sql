-- Where a reader goes after an article (issue 18): tags, 专题 (topics, with the follow-up status of
-- a 事件追踪), bylines linked to staff records, and 相关阅读 computed from the search index.
--  - tags: one row per name; article_tags keeps an article's tags in the editor's order.
--  - topics: slug, intro, cover, status ('none' for a plain 专题; investigating 调查中, responded
--    已回应, rectified 已整改, closed 已结案); topic_articles keeps its articles in the order added.
--  - articles.author_staff_id: the staff record the byline links to (/author/:id).
--  - article_related: an article's related articles by rank, recomputed when it is saved and
--    periodically (articles.related_at says when); readers see it filtered for visibility.
--  - article_share_codes: the 分享 QR code of the article's address, drawn once by a background
--    job, not per render (its own table: a few KB that every other read of articles would carry).
-- Readers see all of it: tags, topics and their membership change the whole site ('site'), an
-- article's related list only its own pages ('article:<id>'); staff records show on author pages.
CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

CREATE TABLE topics (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  intro       TEXT NOT NULL DEFAULT '',
  cover_image TEXT,
  status      TEXT NOT NULL DEFAULT 'none' CHECK (status IN ('none', 'investigating', 'responded', 'rectified', 'closed')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE TABLE topic_articles (
  topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (topic_id, article_id)
);
CREATE INDEX topic_articles_by_article ON topic_articles (article_id);

ALTER TABLE articles ADD COLUMN author_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN related_at INTEGER;
-- 上一篇/下一篇 read the neighbours' titles from the index of visible articles by category,
-- without visiting their rows: the index gains the title (it serves the category lists as before)
DROP INDEX articles_visible_by_category;
CREATE INDEX articles_visible_by_category ON articles (category_id, published_at DESC, id DESC, title)
  WHERE status <> 'draft' AND deleted_at IS NULL;
CREATE INDEX articles_by_author_staff ON articles (author_staff_id, published_at) WHERE author_staff_id IS NOT NULL;

CREATE TABLE article_related (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  rank       INTEGER NOT NULL,
  related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, rank)
);
CREATE INDEX article_related_by_related ON article_related (related_id);

CREATE TABLE article_share_codes (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  drawing    TEXT NOT NULL
);

-- The change feed (see 0007).
CREATE TRIGGER tags_changed_insert AFTER INSERT ON tags BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER tags_changed_update AFTER UPDATE ON tags BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER tags_changed_delete AFTER DELETE ON tags BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER article_tags_changed_insert AFTER INSERT ON article_tags BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER article_tags_changed_update AFTER UPDATE ON article_tags BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER article_tags_changed_delete AFTER DELETE ON article_tags BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER topics_changed_insert AFTER INSERT ON topics BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER topics_changed_update AFTER UPDATE ON topics BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER topics_changed_delete AFTER DELETE ON topics BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER topic_articles_changed_insert AFTER INSERT ON topic_articles BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER topic_articles_changed_update AFTER UPDATE ON topic_articles BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER topic_articles_changed_delete AFTER DELETE ON topic_articles BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER staff_changed_insert AFTER INSERT ON staff BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER staff_changed_update AFTER UPDATE ON staff BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER staff_changed_delete AFTER DELETE ON staff BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER article_related_changed_insert AFTER INSERT ON article_related BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || new.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER article_related_changed_update AFTER UPDATE ON article_related BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || new.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER article_related_changed_delete AFTER DELETE ON article_related BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || old.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
