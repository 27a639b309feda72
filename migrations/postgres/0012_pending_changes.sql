-- A reporter's change to a signed article waits for review (see migrations/sqlite/0022).
ALTER TABLE article_workflow DROP CONSTRAINT article_workflow_action_check;
ALTER TABLE article_workflow ADD CONSTRAINT article_workflow_action_check
  CHECK (action IN ('submit', 'approve', 'return', 'sign', 'note', 'correct', 'retract', 'discard'));

CREATE TABLE article_pending_changes (
  article_id       BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  user_id          BIGINT REFERENCES users (id) ON DELETE SET NULL,
  user_name        TEXT NOT NULL,
  snapshot         TEXT NOT NULL,
  base_revision_id BIGINT,
  created_at       BIGINT NOT NULL
);
