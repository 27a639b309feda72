-- The editors' area: revisions of articles, optimistic versions, uploads, the audit log and
-- the submissions inbox (投稿信箱).

ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE article_revisions (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  snapshot   TEXT NOT NULL,             -- JSON of the editable fields as saved
  created_at INTEGER NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id DESC);

CREATE TABLE uploads (
  id            INTEGER PRIMARY KEY,
  stored_name   TEXT NOT NULL UNIQUE,   -- generated; the original name is never a path
  original_name TEXT NOT NULL,
  width         INTEGER NOT NULL,
  height        INTEGER NOT NULL,
  bytes         INTEGER NOT NULL,
  user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  username    TEXT NOT NULL,
  action      TEXT NOT NULL,            -- e.g. article.create, comment.approve, settings.update
  entity_type TEXT NOT NULL,
  entity_id   TEXT NOT NULL DEFAULT '',
  summary     TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (created_at DESC);

CREATE TABLE submissions (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  contact    TEXT NOT NULL,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'archived')),
  article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
  ip_hash    TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX submissions_by_status ON submissions (status, created_at DESC);
