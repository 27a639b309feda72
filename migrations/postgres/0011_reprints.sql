-- 转载 (see migrations/sqlite/0021).
ALTER TABLE articles ADD COLUMN is_reprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN original_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN original_author TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN original_url TEXT NOT NULL DEFAULT '';
