-- Core schema of the portal. Instants are INTEGER milliseconds since the epoch (UTC);
-- booleans INTEGER 0/1; days are 'YYYY-MM-DD' strings cut in the site's time zone.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE categories (
  id          INTEGER PRIMARY KEY,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER,
  created_at    INTEGER NOT NULL
);

CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  category_id  INTEGER NOT NULL REFERENCES categories (id),
  title        TEXT NOT NULL,
  author       TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',
  summary      TEXT NOT NULL DEFAULT '',
  body_html    TEXT NOT NULL,           -- sanitized on write
  cover_image  TEXT,                    -- public URL path of the cover, or NULL
  is_featured  INTEGER NOT NULL DEFAULT 0,
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published')),
  published_at INTEGER,                 -- visible once status <> 'draft' and published_at <= now
  views        INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  deleted_at   INTEGER                  -- in the trash when set
);
CREATE INDEX articles_by_published ON articles (published_at DESC, id DESC);
CREATE INDEX articles_by_category ON articles (category_id, published_at DESC, id DESC);
CREATE INDEX articles_by_views ON articles (views DESC, id DESC);

CREATE TABLE article_views_daily (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  day        TEXT NOT NULL,
  views      INTEGER NOT NULL,
  PRIMARY KEY (article_id, day)
) WITHOUT ROWID;
CREATE INDEX article_views_daily_by_day ON article_views_daily (day);

CREATE TABLE site_stats (
  day        TEXT PRIMARY KEY,
  page_views INTEGER NOT NULL
);

CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  nickname   TEXT NOT NULL,
  body       TEXT NOT NULL,             -- plain text, escaped on output
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
  ip_hash    TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at);

CREATE TABLE polls (
  id          INTEGER PRIMARY KEY,
  question    TEXT NOT NULL,
  is_multiple INTEGER NOT NULL DEFAULT 0,
  starts_at   INTEGER NOT NULL,
  ends_at     INTEGER,                  -- NULL: open-ended
  created_at  INTEGER NOT NULL
);

CREATE TABLE poll_options (
  id         INTEGER PRIMARY KEY,
  poll_id    INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  votes      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX poll_options_by_poll ON poll_options (poll_id, sort_order);

CREATE TABLE poll_votes (
  id         INTEGER PRIMARY KEY,
  poll_id    INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  session_id TEXT NOT NULL,
  ip_hash    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (poll_id, session_id)
);

CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  card_number TEXT NOT NULL UNIQUE,
  position    TEXT NOT NULL DEFAULT '',
  department  TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  photo       TEXT,
  created_at  INTEGER NOT NULL
);
CREATE INDEX staff_by_name ON staff (name);

CREATE TABLE pages (
  slug       TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  body_html  TEXT NOT NULL,             -- sanitized on write
  updated_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  sid        TEXT PRIMARY KEY,
  data       TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
