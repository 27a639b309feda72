-- Who may comment where (see migrations/sqlite/0015): a default per category, followed or
-- overridden per article. Article updates reach the change feed through version (migration
-- 0002 lists it), category updates through their own trigger.
ALTER TABLE articles ADD COLUMN comment_policy TEXT NOT NULL DEFAULT 'category'
  CHECK (comment_policy IN ('category', 'open', 'closed', 'hidden'));
ALTER TABLE categories ADD COLUMN comment_policy TEXT NOT NULL DEFAULT 'open'
  CHECK (comment_policy IN ('open', 'closed', 'hidden'));

-- IP属地 (see migrations/sqlite/0015): the commenter's province or country, never the address.
ALTER TABLE comments ADD COLUMN ip_region TEXT;
