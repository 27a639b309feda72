-- The content change feed (see migrations/sqlite/0007): triggers record, in the same
-- transaction as the write, which part of the site it touches: 'site', 'article:<id>' (its
-- approved comments) or 'poll:<id>' (votes). Changes are numbered from one counter row, which
-- a writer holds locked until it commits, so numbers follow commit order: a reader that has
-- seen number n has seen every change before it (max(seq) + 1 would let two writers share a
-- number, and one change would be missed). Content scopes are also pushed with NOTIFY to every
-- process that listens; votes are not (no cached page shows them).
CREATE TABLE content_changes (
  scope TEXT PRIMARY KEY,
  seq   BIGINT NOT NULL
);
CREATE INDEX content_changes_by_seq ON content_changes (seq);

CREATE TABLE content_change_counter (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL
);
INSERT INTO content_change_counter (id, seq) VALUES (1, 0);

CREATE FUNCTION record_content_change(change_scope TEXT) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  next_seq BIGINT;
BEGIN
  UPDATE content_change_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO next_seq;
  INSERT INTO content_changes (scope, seq) VALUES (change_scope, next_seq)
    ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq;
  IF change_scope NOT LIKE 'poll:%' THEN
    PERFORM pg_notify('portal_content_changes', next_seq::text);
  END IF;
END;
$$;

CREATE FUNCTION site_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_content_change('site');
  RETURN NULL;
END;
$$;

CREATE FUNCTION comment_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF old.status = 'approved' THEN PERFORM record_content_change('article:' || old.article_id); END IF;
  ELSIF TG_OP = 'INSERT' THEN
    IF new.status = 'approved' THEN PERFORM record_content_change('article:' || new.article_id); END IF;
  ELSIF old.status = 'approved' OR new.status = 'approved' THEN
    PERFORM record_content_change('article:' || new.article_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION poll_votes_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_content_change('poll:' || new.poll_id);
  RETURN NULL;
END;
$$;

-- Articles: any insert or delete; updates of what readers see (not the view counter).
CREATE TRIGGER articles_changed_insert_delete AFTER INSERT OR DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION site_changed();
CREATE TRIGGER articles_changed_update AFTER UPDATE OF
  category_id, title, author, source, summary, body_html, cover_image, is_featured, status, published_at, deleted_at, version,
  home_pin, pinned_until, hide_cover
  ON articles FOR EACH ROW EXECUTE FUNCTION site_changed();

CREATE TRIGGER comments_changed AFTER INSERT OR UPDATE OR DELETE ON comments
  FOR EACH ROW EXECUTE FUNCTION comment_changed();

CREATE TRIGGER poll_votes_changed AFTER UPDATE OF votes ON poll_options
  FOR EACH ROW EXECUTE FUNCTION poll_votes_changed();

CREATE TRIGGER categories_changed AFTER INSERT OR UPDATE OR DELETE ON categories FOR EACH ROW EXECUTE FUNCTION site_changed();
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION site_changed();
CREATE TRIGGER pages_changed AFTER INSERT OR UPDATE OR DELETE ON pages FOR EACH ROW EXECUTE FUNCTION site_changed();
CREATE TRIGGER polls_changed AFTER INSERT OR UPDATE OR DELETE ON polls FOR EACH ROW EXECUTE FUNCTION site_changed();
CREATE TRIGGER poll_options_changed_insert_delete AFTER INSERT OR DELETE ON poll_options
  FOR EACH ROW EXECUTE FUNCTION site_changed();
CREATE TRIGGER poll_options_changed_update AFTER UPDATE OF poll_id, label, sort_order ON poll_options
  FOR EACH ROW EXECUTE FUNCTION site_changed();
