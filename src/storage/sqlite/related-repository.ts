// 相关阅读 lists in SQLite.
import type { RelatedRepository } from '../../repositories/related-repository.js';
import { visibleAs } from './article-repository.js';
import type { Db } from './database.js';

export class SqliteRelatedRepository implements RelatedRepository {
  private readonly ids;
  private readonly clear;
  private readonly insert;
  private readonly computedAt;
  private readonly stale;

  constructor(db: Db) {
    this.ids = db.prepare<[number], number>('SELECT related_id FROM article_related WHERE article_id = ? ORDER BY rank').pluck();
    this.clear = db.prepare('DELETE FROM article_related WHERE article_id = ?');
    this.insert = db.prepare('INSERT INTO article_related (article_id, rank, related_id) VALUES (?, ?, ?)');
    this.computedAt = db.prepare('UPDATE articles SET related_at = ? WHERE id = ?');
    this.stale = db
      .prepare<{ before: number; limit: number; now: number }, number>(
        `SELECT id FROM articles
         WHERE ${visibleAs('articles')} AND (related_at IS NULL OR related_at < @before)
         ORDER BY related_at IS NOT NULL, related_at, published_at DESC LIMIT @limit`,
      )
      .pluck();
  }

  async replace(articleId: number, relatedIds: readonly number[], now: number): Promise<boolean> {
    this.computedAt.run(now, articleId);
    const stored = this.ids.all(articleId);
    if (stored.length === relatedIds.length && stored.every((id, i) => id === relatedIds[i])) return false;
    this.clear.run(articleId);
    for (const [rank, relatedId] of relatedIds.entries()) this.insert.run(articleId, rank, relatedId);
    return true;
  }

  async listIds(articleId: number): Promise<number[]> {
    return this.ids.all(articleId);
  }

  async listStale(before: number, limit: number, now: number): Promise<number[]> {
    return this.stale.all({ before, limit, now });
  }
}
