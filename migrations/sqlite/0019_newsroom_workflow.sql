-- migrate: foreign_keys off
-- The newsroom (issue 17): roles, review levels, and an article's way through review to sign-off.
--  - roles: 记者 reporter (writes, submits), 编辑 editor (初审/复审), 主编 chief (签发), 管理员 admin.
--    Today's editors could publish: they become chiefs. (SQLite cannot widen a CHECK in place:
--    users is rebuilt, with foreign keys off so the revisions and audit lines keep their user ids.)
--  - categories.review_levels: 1 (终审 only), 2 (初审, 终审) or 3 (初审, 复审, 终审).
--  - articles.review_stage: 0 out of review (a draft, or signed), 1 待初审, 2 待复审, 3 待终审.
--  - articles.created_by: the author account (a reporter edits and submits only their own);
--    signed_by and responsible_editor: who signed it off, and the name shown as 责任编辑.
--  - article_workflow: every step (submit, approve, return, sign, note), the article's history.
CREATE TABLE users_new (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'chief', 'editor', 'reporter')),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER,
  created_at    INTEGER NOT NULL
);
INSERT INTO users_new (id, username, display_name, password_hash, role, failed_logins, locked_until, created_at)
  SELECT id, username, display_name, password_hash, CASE role WHEN 'editor' THEN 'chief' ELSE role END,
         failed_logins, locked_until, created_at
  FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

ALTER TABLE categories ADD COLUMN review_levels INTEGER NOT NULL DEFAULT 2 CHECK (review_levels BETWEEN 1 AND 3);

ALTER TABLE articles ADD COLUMN review_stage INTEGER NOT NULL DEFAULT 0 CHECK (review_stage BETWEEN 0 AND 3);
ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN signed_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN responsible_editor TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_in_review ON articles (review_stage, updated_at) WHERE review_stage > 0 AND deleted_at IS NULL;

CREATE TABLE article_workflow (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  user_name  TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'sign', 'note', 'correct', 'retract')),
  from_stage INTEGER NOT NULL,
  to_stage   INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  override   INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX article_workflow_by_article ON article_workflow (article_id, id);
