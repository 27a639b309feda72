-- A reporter's change to a signed article (修改稿) goes through review while the signed version
-- stays on the site: the proposed fields wait in article_pending_changes (one per article) until
-- they are signed off or discarded. base_revision_id is the article's latest revision when the
-- change was proposed: a correction made meanwhile makes the change outdated (it is not signed
-- over the correction). The history gains the step 'discard' (撤回修改稿); SQLite cannot widen a
-- CHECK in place, so article_workflow is rebuilt (no table refers to it).
CREATE TABLE article_workflow_new (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  user_name  TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'sign', 'note', 'correct', 'retract', 'discard')),
  from_stage INTEGER NOT NULL,
  to_stage   INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  override   INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
INSERT INTO article_workflow_new (id, article_id, user_id, user_name, action, from_stage, to_stage, note, override, created_at)
  SELECT id, article_id, user_id, user_name, action, from_stage, to_stage, note, override, created_at FROM article_workflow;
DROP TABLE article_workflow;
ALTER TABLE article_workflow_new RENAME TO article_workflow;
CREATE INDEX article_workflow_by_article ON article_workflow (article_id, id);

CREATE TABLE article_pending_changes (
  article_id       INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  user_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
  user_name        TEXT NOT NULL,
  snapshot         TEXT NOT NULL,
  base_revision_id INTEGER,
  created_at       INTEGER NOT NULL
);
