// Page-view and article-view counters: per-article totals, per-day buckets and site traffic.
// Written in batches by the view counter, never once per request.
import type { SiteTraffic } from '../domain/types.js';

export interface ViewBatch {
  /** article views per day: day ('YYYY-MM-DD') -> article id -> count */
  articleViews: Map<string, Map<number, number>>;
  /** site page views per day */
  pageViews: Map<string, number>;
  /**
   * The reads behind articleViews, one per counted view, when the counter knows its readers. A
   * read already stored by another process (same reader, article and window) is not counted
   * again: its view is taken off articleViews before they are added.
   */
  reads?: ArticleRead[];
}

export interface ArticleRead {
  articleId: number;
  /** the day its view is counted on */
  day: string;
  /** a keyed hash of the reader (never an address) */
  reader: string;
  /** the start of its window (ms since the epoch); windows older than the previous one are dropped */
  windowStart: number;
}

/** The article views of a batch less the reads another process already counted. */
export function viewsLessRepeats(batch: ViewBatch, repeats: readonly ArticleRead[]): Map<string, Map<number, number>> {
  if (repeats.length === 0) return batch.articleViews;
  const views = new Map([...batch.articleViews].map(([day, perArticle]) => [day, new Map(perArticle)]));
  for (const read of repeats) {
    const perArticle = views.get(read.day);
    const count = perArticle?.get(read.articleId) ?? 0;
    if (count <= 1) perArticle?.delete(read.articleId);
    else perArticle!.set(read.articleId, count - 1);
  }
  return views;
}

export interface ViewStatsRepository {
  applyBatch(batch: ViewBatch): Promise<void>;
  siteTraffic(today: string): Promise<SiteTraffic>;
  /** page views per day for days from..to (inclusive, 'YYYY-MM-DD'); days without views are absent */
  pageViewsByDay(from: string, to: string): Promise<Map<string, number>>;
}
