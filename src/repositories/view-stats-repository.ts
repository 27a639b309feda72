// Page-view and article-view counters: per-article totals, per-day buckets and site traffic.
// Written in batches by the view counter, never once per request.
import type { SiteTraffic } from '../domain/types.js';

export interface ViewBatch {
  /** article views per day: day ('YYYY-MM-DD') -> article id -> count */
  articleViews: Map<string, Map<number, number>>;
  /** site page views per day */
  pageViews: Map<string, number>;
}

export interface ViewStatsRepository {
  applyBatch(batch: ViewBatch): Promise<void>;
  siteTraffic(today: string): Promise<SiteTraffic>;
  /** page views per day for days from..to (inclusive, 'YYYY-MM-DD'); days without views are absent */
  pageViewsByDay(from: string, to: string): Promise<Map<string, number>>;
}
