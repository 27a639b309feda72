-- 转载 (issue 17): an article taken from another outlet names the original: its title, author and
-- URL (the outlet itself is the article's 来源). Sign-off of a 转载 whose 来源 is not on the site's
-- list of permitted sources (the setting reprintSources) is refused. These are editable fields,
-- so they are saved in revisions like the rest, and an article update already reaches the change
-- feed through its version.
ALTER TABLE articles ADD COLUMN is_reprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN original_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN original_author TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN original_url TEXT NOT NULL DEFAULT '';
