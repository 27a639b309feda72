// What a full-text search of articles answers (ArticleRepository.search). Each backend keeps
// its own index in step with every article write, in the same transaction; articles that are
// neither drafts nor in the trash are indexed, and the query checks visibility by time.
import type { ArticleSummary } from '../domain/types.js';

export interface ArticleSearchHit extends ArticleSummary {
  /** the sanitized body, for cutting a snippet from its text */
  bodyHtml: string;
}

/** An article containing a term: what 相关阅读 weighs (services/related-reading.ts). */
export interface TermHit {
  id: number;
  categoryId: number;
  publishedAt: number;
}

export interface ArticleSearchResults {
  /** how many visible articles match in all */
  total: number;
  /** the requested page of them, most relevant first */
  hits: ArticleSearchHit[];
}
