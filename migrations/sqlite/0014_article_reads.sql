-- Which reader read which article in which 30-minute window, written when view counts are
-- flushed: a reader whose requests reach several processes (WORKERS, or machines over
-- PostgreSQL) counts once per window, as one process alone counts them. Only recent windows are
-- kept; the reader is a keyed hash of address and browser, never the address.
CREATE TABLE article_reads (
  reader       TEXT NOT NULL,
  article_id   INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  PRIMARY KEY (reader, article_id, window_start)
) WITHOUT ROWID;
CREATE INDEX article_reads_by_window ON article_reads (window_start);
