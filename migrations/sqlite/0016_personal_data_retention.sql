-- Keeping personal data no longer than needed (issue 16): when a submission was closed
-- (archived, or turned into a draft), so that its contact details can be deleted a set number
-- of days later. Submissions closed before this migration count as closed now.
ALTER TABLE submissions ADD COLUMN closed_at INTEGER;
UPDATE submissions SET closed_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000
  WHERE status = 'archived' OR article_id IS NOT NULL;
CREATE INDEX submissions_closed ON submissions (closed_at) WHERE closed_at IS NOT NULL AND contact <> '';
CREATE INDEX comment_reports_decided ON comment_reports (decided_at) WHERE decided_at IS NOT NULL AND detail <> '';
