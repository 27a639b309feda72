// 相关阅读: each article's related articles by rank, as last computed (services/related-reading.ts)
// and when. Readers see them through the article page read, filtered for visibility there.

export interface RelatedRepository {
  /**
   * Stores the article's related articles in rank order and when they were computed; rows are
   * rewritten only when the list changed (true), so a refresh that finds the same list leaves
   * the article's cached pages alone.
   */
  replace(articleId: number, relatedIds: readonly number[], now: number): Promise<boolean>;
  /** the stored list, whatever the articles' state now */
  listIds(articleId: number): Promise<number[]>;
  /** visible articles whose list was computed before `before` (or never), the longest ago first */
  listStale(before: number, limit: number, now: number): Promise<number[]>;
}
