// 相关阅读 lists in PostgreSQL.
import type { RelatedRepository } from '../../repositories/related-repository.js';
import { VISIBLE } from './article-repository.js';
import type { Sql } from './sql.js';

export class PostgresRelatedRepository implements RelatedRepository {
  constructor(private readonly sql: Sql) {}

  async replace(articleId: number, relatedIds: readonly number[], now: number): Promise<boolean> {
    await this.sql.run('UPDATE articles SET related_at = $1 WHERE id = $2', [now, articleId]);
    const stored = await this.listIds(articleId);
    if (stored.length === relatedIds.length && stored.every((id, i) => id === relatedIds[i])) return false;
    await this.sql.run('DELETE FROM article_related WHERE article_id = $1', [articleId]);
    if (relatedIds.length > 0) {
      await this.sql.run(
        `INSERT INTO article_related (article_id, rank, related_id)
         SELECT $1, given.rank - 1, given.id FROM unnest($2::bigint[]) WITH ORDINALITY AS given (id, rank)`,
        [articleId, relatedIds],
      );
    }
    return true;
  }

  async listIds(articleId: number): Promise<number[]> {
    const rows = await this.sql.rows<{ related_id: number }>('SELECT related_id FROM article_related WHERE article_id = $1 ORDER BY rank', [
      articleId,
    ]);
    return rows.map((row) => row.related_id);
  }

  async listStale(before: number, limit: number, now: number): Promise<number[]> {
    const rows = await this.sql.rows<{ id: number }>(
      `SELECT id FROM articles
       WHERE ${VISIBLE} AND (related_at IS NULL OR related_at < $2)
       ORDER BY related_at ASC NULLS FIRST, published_at DESC LIMIT $3`,
      [now, before, limit],
    );
    return rows.map((row) => row.id);
  }
}
