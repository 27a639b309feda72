-- Content change feed for the page caches (issue 6). Triggers record, in the same transaction
-- as the write, which part of the site a change touches: 'site' (anything that shows on many
-- pages: articles, categories, settings, static pages, the sidebar poll) or 'article:<id>'
-- (its approved comments). Every process reads the feed before answering a request, so a
-- change made by any writer (admin, comment form, a CLI, another worker process) empties
-- exactly the cached pages it affects. View counts are deliberately not recorded: cached
-- pages show them as of their render (at most the cache's maximum age old).
-- One row per scope, holding the sequence number of its latest change.
CREATE TABLE content_changes (
  scope TEXT PRIMARY KEY,
  seq   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX content_changes_by_seq ON content_changes (seq);

-- Articles: any insert or delete; updates of anything readers see (not the view counter).
CREATE TRIGGER articles_changed_insert AFTER INSERT ON articles BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER articles_changed_update AFTER UPDATE OF
  category_id, title, author, source, summary, body_html, cover_image, is_featured, status, published_at, deleted_at, version
  ON articles BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER articles_changed_delete AFTER DELETE ON articles BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;

-- Comments show only on their article's pages, and only once approved.
CREATE TRIGGER comments_changed_insert AFTER INSERT ON comments WHEN new.status = 'approved' BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || new.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER comments_changed_update AFTER UPDATE ON comments
  WHEN old.status = 'approved' OR new.status = 'approved' BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || new.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER comments_changed_delete AFTER DELETE ON comments WHEN old.status = 'approved' BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('article:' || old.article_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;

-- Poll votes: 'poll:<id>' (no cached page shows results today; the poll page renders per request).
CREATE TRIGGER poll_votes_changed AFTER UPDATE OF votes ON poll_options BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('poll:' || new.poll_id, (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;

-- Site-wide: categories, settings, static pages, polls and their options (the sidebar poll).
CREATE TRIGGER categories_changed_insert AFTER INSERT ON categories BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER categories_changed_update AFTER UPDATE ON categories BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER categories_changed_delete AFTER DELETE ON categories BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER settings_changed_insert AFTER INSERT ON settings BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER settings_changed_update AFTER UPDATE ON settings BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER settings_changed_delete AFTER DELETE ON settings BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER pages_changed_insert AFTER INSERT ON pages BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER pages_changed_update AFTER UPDATE ON pages BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER pages_changed_delete AFTER DELETE ON pages BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER polls_changed_insert AFTER INSERT ON polls BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER polls_changed_update AFTER UPDATE ON polls BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER polls_changed_delete AFTER DELETE ON polls BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER poll_options_changed_insert AFTER INSERT ON poll_options BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER poll_options_changed_update AFTER UPDATE OF poll_id, label, sort_order ON poll_options BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER poll_options_changed_delete AFTER DELETE ON poll_options BEGIN
  INSERT INTO content_changes (scope, seq) VALUES ('site', (SELECT coalesce(max(seq), 0) + 1 FROM content_changes))
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
END;
