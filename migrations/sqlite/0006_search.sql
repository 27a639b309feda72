-- Full-text search over articles (title, summary, body text). SQLite's tokenizers cannot cut
-- Chinese, so the tokens are computed in TypeScript (src/services/search-tokens.ts: CJK
-- bigrams + single characters, lower-cased words) and stored space-separated; the tokenizer
-- here only splits on the spaces. Keyed by rowid = articles.id. Contentless: the index
-- keeps no copy of the token text (snippets are cut from the articles themselves), and
-- contentless_delete lets a row be deleted or replaced by its rowid.
-- The rows are written by src/repositories/search-repository.ts in the same transactions as
-- the article writes; articles that already exist are indexed by ensureSearchIndex() at start.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title,
  summary,
  body,
  content = '',
  contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M*'"
);

-- Which version of the TypeScript tokens the index holds; another version is rebuilt at start.
CREATE TABLE search_index_state (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  tokens_version INTEGER NOT NULL
);
INSERT INTO search_index_state (id, tokens_version) VALUES (1, 0);
