// The full-text index of articles (SQLite FTS5 table articles_fts, see migrations/0006):
// the only place with FTS SQL. Articles that are neither drafts nor in the trash are indexed
// (scheduled ones too: they become visible by time alone, so the query checks visibility).
// The article repository keeps the index in step inside its own write transactions.
import type { ArticleSummary } from '../domain/types.js';

export interface ArticleSearchHit extends ArticleSummary {
  /** the sanitized body, for cutting a snippet from its text */
  bodyHtml: string;
}

export interface ArticleSearchResults {
  /** how many visible articles match in all */
  total: number;
  /** the requested page of them, most relevant first */
  hits: ArticleSearchHit[];
}
