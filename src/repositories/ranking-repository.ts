// Rankings (点击排行): the most-read visible articles over a span of days, summed from the
// per-day buckets in article_views_daily, or over all time from articles.views. Day keys are
// computed by the caller in the site's time zone; this module does no date math.
import type { ArticleSummary } from '../domain/types.js';
import { type ArticleSummaryRow, toArticleSummary } from './article-rows.js';

export interface RankedArticle extends ArticleSummary {
  /** views in the ranked span (for all time: the article's total) */
  periodViews: number;
}

/** Inclusive span of day keys ('YYYY-MM-DD', cut in the site's time zone). */
export interface DaySpan {
  from: string;
  to: string;
}

export interface RankingQuery {
  /** only articles of this category */
  categoryId?: number;
  limit: number;
}

export interface RankingRepository {
  /** visible articles by views summed over the days of the span; articles without views there are absent */
  topInDays(span: DaySpan, query: RankingQuery, now: number): Promise<RankedArticle[]>;
  /** visible articles by their total views */
  topAllTime(query: RankingQuery, now: number): Promise<RankedArticle[]>;
}

export interface RankedRow extends ArticleSummaryRow {
  period_views: number;
}

export function toRanked(row: RankedRow): RankedArticle {
  return { ...toArticleSummary(row), periodViews: row.period_views };
}
