// Tags: one row per name, an article's tags in the editor's order, and the visible articles of a
// tag for its page (/tag/:id) and feed.
import type { ArticleSummary, Tag } from '../domain/types.js';

/** A tag with how many articles readers can see under it, and the newest one's time. */
export interface TagInUse extends Tag {
  articles: number;
  lastPublishedAt: number;
}

export interface TagRepository {
  /** Gives the article exactly these tags, in this order, creating the names not yet known. */
  setForArticle(articleId: number, names: readonly string[], now: number): Promise<void>;
  listForArticle(articleId: number): Promise<Tag[]>;
  findById(id: number): Promise<Tag | undefined>;
  /** the names editors use most, for suggestions */
  listPopular(limit: number): Promise<Tag[]>;
  /** a tag's visible articles, newest first */
  listVisibleArticles(tagId: number, page: { limit: number; offset: number }, now: number): Promise<ArticleSummary[]>;
  countVisibleArticles(tagId: number, now: number): Promise<number>;
  /** tags with at least one visible article (the sitemap) */
  listInUse(now: number): Promise<TagInUse[]>;
}
