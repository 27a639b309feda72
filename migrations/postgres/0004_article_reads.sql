-- Which reader read which article in which 30-minute window (see migrations/sqlite/0014): a
-- reader whose requests reach several processes counts once per window.
CREATE TABLE article_reads (
  reader       TEXT NOT NULL,
  article_id   BIGINT NOT NULL,
  window_start BIGINT NOT NULL,
  PRIMARY KEY (reader, article_id, window_start)
);
CREATE INDEX article_reads_by_window ON article_reads (window_start);
