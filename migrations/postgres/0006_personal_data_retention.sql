-- Keeping personal data no longer than needed (see migrations/sqlite/0016).
ALTER TABLE submissions ADD COLUMN closed_at BIGINT;
UPDATE submissions SET closed_at = (extract(epoch FROM now()) * 1000)::bigint
  WHERE status = 'archived' OR article_id IS NOT NULL;
CREATE INDEX submissions_closed ON submissions (closed_at) WHERE closed_at IS NOT NULL AND contact <> '';
CREATE INDEX comment_reports_decided ON comment_reports (decided_at) WHERE decided_at IS NOT NULL AND detail <> '';
