// Page-view and article-view counters in SQLite.
import type { Db } from './database.js';
import type { SiteTraffic } from '../../domain/types.js';
import { viewsLessRepeats, type ArticleRead, type ViewBatch, type ViewStatsRepository } from '../../repositories/view-stats-repository.js';

const READ_WINDOW_MS = 30 * 60_000;

export class SqliteViewStatsRepository implements ViewStatsRepository {
  private readonly addArticleViews;
  private readonly addDailyViews;
  private readonly addPageViews;
  private readonly total;
  private readonly today;
  private readonly byDay;
  private readonly addRead;
  private readonly dropOldReads;

  constructor(db: Db) {
    // An article deleted since the view was counted simply matches no row.
    this.addArticleViews = db.prepare('UPDATE articles SET views = views + ? WHERE id = ?');
    this.addDailyViews = db.prepare(
      `INSERT INTO article_views_daily (article_id, day, views)
       SELECT id, ?, ? FROM articles WHERE id = ?
       ON CONFLICT (article_id, day) DO UPDATE SET views = views + excluded.views`,
    );
    this.addPageViews = db.prepare(
      `INSERT INTO site_stats (day, page_views) VALUES (?, ?)
       ON CONFLICT (day) DO UPDATE SET page_views = page_views + excluded.page_views`,
    );
    this.addRead = db.prepare('INSERT INTO article_reads (reader, article_id, window_start) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.dropOldReads = db.prepare('DELETE FROM article_reads WHERE window_start < ?');
    this.total = db.prepare<[], { n: number | null }>('SELECT SUM(page_views) AS n FROM site_stats');
    this.today = db.prepare<[string], { n: number }>('SELECT page_views AS n FROM site_stats WHERE day = ?');
    this.byDay = db.prepare<[string, string], { day: string; page_views: number }>(
      'SELECT day, page_views FROM site_stats WHERE day >= ? AND day <= ? ORDER BY day',
    );
  }

  async applyBatch(batch: ViewBatch): Promise<void> {
    const repeats: ArticleRead[] = [];
    for (const read of batch.reads ?? []) {
      if (this.addRead.run(read.reader, read.articleId, read.windowStart).changes === 0) repeats.push(read);
    }
    const oldest = Math.min(...(batch.reads ?? []).map((read) => read.windowStart));
    if (Number.isFinite(oldest)) this.dropOldReads.run(oldest - READ_WINDOW_MS);
    for (const [day, perArticle] of viewsLessRepeats(batch, repeats)) {
      for (const [articleId, count] of perArticle) {
        this.addArticleViews.run(count, articleId);
        this.addDailyViews.run(day, count, articleId);
      }
    }
    for (const [day, count] of batch.pageViews) this.addPageViews.run(day, count);
  }

  async siteTraffic(today: string): Promise<SiteTraffic> {
    return { totalPageViews: this.total.get()?.n ?? 0, todayPageViews: this.today.get(today)?.n ?? 0 };
  }

  async pageViewsByDay(from: string, to: string): Promise<Map<string, number>> {
    return new Map(this.byDay.all(from, to).map((row) => [row.day, row.page_views]));
  }
}
