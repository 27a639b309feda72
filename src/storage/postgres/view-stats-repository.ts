// Page-view and article-view counters in PostgreSQL.
import type { SiteTraffic } from '../../domain/types.js';
import type { ViewBatch, ViewStatsRepository } from '../../repositories/view-stats-repository.js';
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

export class PostgresViewStatsRepository implements ViewStatsRepository {
  constructor(private readonly sql: Sql) {}

  async applyBatch(batch: ViewBatch): Promise<void> {
    const ids: number[] = [];
    const days: string[] = [];
    const counts: number[] = [];
    for (const [day, perArticle] of batch.articleViews) {
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
