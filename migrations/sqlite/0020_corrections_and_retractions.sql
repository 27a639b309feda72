-- Corrections and retractions (issue 17): a story that is wrong is corrected in the open; one
-- that must go is withdrawn (撤稿) with a notice, not silently deleted.
--  - article_corrections: dated 更正 (correction) and 更新 (update) notes of a published article,
--    shown on it and listed on /corrections. articles.corrected_at is the latest one's time (更新于),
--    so the article page reads the notes only for articles that have some. Adding a note bumps the
--    article's version, which the change feed already hears (migration 0011).
--  - articles.retracted_at: withdrawn by a chief. The article goes back to status 'draft', so every
--    list, feed, sitemap, ranking and the search index leave it out as they leave drafts out; its
--    URL answers 410 with the reason, and its title only if retraction_shows_title.
ALTER TABLE articles ADD COLUMN corrected_at INTEGER;
ALTER TABLE articles ADD COLUMN retracted_at INTEGER;
ALTER TABLE articles ADD COLUMN retraction_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN retraction_shows_title INTEGER NOT NULL DEFAULT 1;

CREATE TABLE article_corrections (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('correction', 'update')),
  note       TEXT NOT NULL,
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  user_name  TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX article_corrections_by_article ON article_corrections (article_id, created_at, id);
CREATE INDEX article_corrections_newest ON article_corrections (created_at DESC, id DESC);
