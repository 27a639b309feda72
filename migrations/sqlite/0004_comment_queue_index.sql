-- The moderation queue lists comments by status across all articles, newest first.
CREATE INDEX comments_by_status ON comments (status, created_at DESC, id DESC);
