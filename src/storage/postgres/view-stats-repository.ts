// Page-view and article-view counters in PostgreSQL.
import type { SiteTraffic } from '../../domain/types.js';
import { viewsLessRepeats, type ArticleRead, type ViewBatch, type ViewStatsRepository } from '../../repositories/view-stats-repository.js';
import type { Sql } from './sql.js';

/**
 * Adds each article's views (summed over the batch's days) to its total. The rows are locked in
 * ascending id order first, so two processes flushing at once wait for each other instead of
 * deadlocking. Only `views` is set: the change-feed trigger ignores the counter. An article
 * deleted since the view was counted simply matches no row.
 */
const ADD_ARTICLE_VIEWS = `WITH counts AS (
    SELECT id, SUM(views)::bigint AS views FROM unnest($1::bigint[], $2::bigint[]) AS v(id, views) GROUP BY id
  ), locked AS MATERIALIZED (
    SELECT a.id, c.views FROM articles a JOIN counts c ON c.id = a.id ORDER BY a.id FOR NO KEY UPDATE OF a
  )
  UPDATE articles a SET views = a.views + l.views FROM locked l WHERE a.id = l.id`;

/** Per-day buckets, upserted in ascending (article id, day) order; deleted articles are skipped. */
const ADD_DAILY_VIEWS = `INSERT INTO article_views_daily (article_id, day, views)
  SELECT v.article_id, v.day, v.views FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS v(article_id, day, views)
  WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = v.article_id)
  ORDER BY v.article_id, v.day
  ON CONFLICT (article_id, day) DO UPDATE SET views = article_views_daily.views + excluded.views`;

const ADD_PAGE_VIEWS = `INSERT INTO site_stats (day, page_views)
  SELECT v.day, v.page_views FROM unnest($1::text[], $2::bigint[]) AS v(day, page_views)
  ORDER BY v.day
  ON CONFLICT (day) DO UPDATE SET page_views = site_stats.page_views + excluded.page_views`;

/** Stores the batch's reads; answers those that were new (a repeat conflicts and is not returned). */
const ADD_READS = `INSERT INTO article_reads (reader, article_id, window_start)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING RETURNING reader, article_id, window_start`;
const READ_WINDOW_MS = 30 * 60_000;

export class PostgresViewStatsRepository implements ViewStatsRepository {
  constructor(private readonly sql: Sql) {}

  async applyBatch(batch: ViewBatch): Promise<void> {
    const ids: number[] = [];
    const days: string[] = [];
    const counts: number[] = [];
    for (const [day, perArticle] of viewsLessRepeats(batch, await this.repeatedReads(batch.reads ?? []))) {
      for (const [articleId, count] of perArticle) {
        ids.push(articleId);
        days.push(day);
        counts.push(count);
      }
    }
    if (ids.length > 0) {
      await this.sql.run(ADD_ARTICLE_VIEWS, [ids, counts]);
      await this.sql.run(ADD_DAILY_VIEWS, [ids, days, counts]);
    }
    if (batch.pageViews.size > 0) {
      await this.sql.run(ADD_PAGE_VIEWS, [[...batch.pageViews.keys()], [...batch.pageViews.values()]]);
    }
  }

  /** Stores the reads; those another process stored first (same reader, article, window) come back. */
  private async repeatedReads(reads: readonly ArticleRead[]): Promise<ArticleRead[]> {
    if (reads.length === 0) return [];
    const unique = [...new Map(reads.map((read) => [`${read.reader}|${read.articleId}|${read.windowStart}`, read])).values()];
    const added = await this.sql.rows<{ reader: string; article_id: number; window_start: number }>(ADD_READS, [
      unique.map((read) => read.reader),
      unique.map((read) => read.articleId),
      unique.map((read) => read.windowStart),
    ]);
    const isNew = new Set(added.map((row) => `${row.reader}|${row.article_id}|${row.window_start}`));
    const oldest = Math.min(...reads.map((read) => read.windowStart));
    await this.sql.run('DELETE FROM article_reads WHERE window_start < $1', [oldest - READ_WINDOW_MS]);
    // A read listed twice in one batch is new once at most.
    const seen = new Set<string>();
    return reads.filter((read) => {
      const key = `${read.reader}|${read.articleId}|${read.windowStart}`;
      const repeat = !isNew.has(key) || seen.has(key);
      seen.add(key);
      return repeat;
    });
  }

  async siteTraffic(today: string): Promise<SiteTraffic> {
    // One statement: both numbers from the same snapshot.
    const row = await this.sql.row<{ total: number; today: number }>(
      `SELECT (SELECT COALESCE(SUM(page_views), 0) FROM site_stats) AS total,
              COALESCE((SELECT page_views FROM site_stats WHERE day = $1), 0) AS today`,
      [today],
    );
    return { totalPageViews: row?.total ?? 0, todayPageViews: row?.today ?? 0 };
  }

  async pageViewsByDay(from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.sql.rows<{ day: string; page_views: number }>(
      'SELECT day, page_views FROM site_stats WHERE day >= $1 AND day <= $2 ORDER BY day',
      [from, to],
    );
    return new Map(rows.map((row) => [row.day, row.page_views]));
  }
}
